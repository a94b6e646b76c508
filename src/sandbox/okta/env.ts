/** What the Okta sandbox's middleware and routes read and write on a request. */
import type { FaultEnv } from '../common/fault-middleware.js';
import type { AuthKind } from '../common/request-log.js';
import type { Directory } from './directory.js';

/** Who is calling: an SSWS API token (every read allowed) or an OAuth access token's scopes. */
export type Principal =
  | { readonly kind: 'apiKey' }
  | { readonly kind: 'oauth'; readonly scopes: ReadonlySet<string>; readonly clientId: string };

export type OktaEnv = {
  Bindings: FaultEnv['Bindings'];
  Variables: FaultEnv['Variables'] & {
    authKind: AuthKind;
    principal: Principal;
    directory: Directory;
  };
};
