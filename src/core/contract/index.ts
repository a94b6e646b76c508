/**
 * The provider contract: what a provider offers and what the loaders ask of it. It names no
 * provider; each provider's folder implements it, and the registry lists them.
 */
export type { ProviderAdapter } from './adapter.js';
export type { AccountCredentials, AuthKind, ServiceAccountKey } from './auth.js';
export type { CallContext } from './call-context.js';
export type { Capabilities } from './capabilities.js';
export type {
  EmployeeFilter,
  EmployeeFilterName,
  EmployeeOrder,
  EmployeeOrderField,
  EmployeeStatusFilter,
  NativePage,
  NativePageRequest,
  PageDirection,
} from './employee-list.js';
export type { RawFieldRef } from './raw-fields.js';
export type {
  DateWindow,
  EmployeeFieldRequest,
  EmployeeListQuery,
  EmployeeLoadGroup,
  EmployeeRecord,
  ProviderSession,
} from './session.js';
