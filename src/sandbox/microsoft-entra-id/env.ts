/** What the Entra sandbox's middleware and routes read and write on a request. */
import type { FaultEnv } from '../common/fault-middleware.js';
import type { AuthKind } from '../common/request-log.js';
import type { Directory } from './directory.js';

export type EntraEnv = {
  Bindings: FaultEnv['Bindings'];
  Variables: FaultEnv['Variables'] & {
    authKind: AuthKind;
    directory: Directory;
    /** `$select` names the route asked for, for the request log. */
    fieldsAsked: readonly string[];
  };
};
