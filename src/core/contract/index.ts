/**
 * The provider contract: what a provider describes and executes, and what the loaders ask of it.
 * It names no provider; each provider's folder implements it, and the registry lists them.
 */
export type { ProviderAdapter } from './adapter.js';
export {
  type AlternateKey,
  type AlternateRead,
  type AlternateRef,
  byAlternateKey,
  isAlternateRef,
} from './alternate-keys.js';
export type { AccountCredentials, AuthKind, ServiceAccountKey } from './auth.js';
export type { CallContext } from './call-context.js';
export type { Capabilities } from './capabilities.js';
export type {
  ChangeEvent,
  ChangeKind,
  ChangePage,
  ChangePush,
  ProviderChanges,
  RegistrationState,
  WebhookDelivery,
  WebhookReply,
  WebhookVerdict,
} from './changes.js';
export type {
  EmployeeCatalog,
  EmployeeReferenceField,
  NormalizedValue,
} from './employee-catalog.js';
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
export type { DateWindow, HistorySource, HistorySources } from './histories.js';
export { argumentKey, keyArgument, type ProviderKey } from './keys.js';
export type { ListOperation, ListQuery, ListRequest } from './list.js';
export type {
  DerivedLookup,
  Lookup,
  LookupCatalog,
  LookupName,
  LookupValues,
} from './lookups.js';
export type { CustomFieldDefinition, RawFieldCatalog, RawFieldRef } from './raw-fields.js';
export type { IdsPerCall, PlannableRead, PlannedCall, ReadOperation } from './reads.js';
export type { RawEmployee, RawReply } from './records.js';
