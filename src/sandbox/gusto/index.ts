/** The Gusto sandbox's public surface. */
export { createGustoSandbox } from './app.js';
export type { GustoGrant } from './env.js';
export {
  gustoCompanyUuid,
  gustoEmployeeUuid,
  gustoUuid,
  parseGustoUuid,
  personIdFromGustoUuid,
  type UuidKind,
} from './ids.js';
export { PAGING_HEADERS, type PagingHeader } from './list-query.js';
export { GUSTO_API_VERSION, VERSION_HEADER } from './middleware.js';
export {
  type AuthorizeOptions,
  DEFAULT_GUSTO_OAUTH_CLIENT,
  GUSTO_READ_SCOPES,
  type GustoListenOptions,
  type GustoOAuthClient,
  type GustoOAuthOptions,
  type GustoRateLimitOptions,
  type GustoSandbox,
  type GustoSandboxOptions,
  type GustoTokens,
  type IssueTokensOptions,
  type RefreshRevocation,
  type RunningGustoSandbox,
} from './sandbox-types.js';
