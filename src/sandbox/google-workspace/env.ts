/** What the Google Workspace sandbox's middleware and routes read and write on a request. */
import type { HttpBindings } from '@hono/node-server';
import type { FaultKind } from '../common/faults.js';
import type { AuthKind } from '../common/request-log.js';
import type { Person } from '../company/types.js';
import type { Directory } from './directory.js';

/** Who a bearer token speaks for: the impersonated user, through a service account. */
export interface Principal {
  /** Null when the assertion had no `sub`: the service account speaks for itself. */
  readonly subject: Person | null;
  readonly clientEmail: string;
  readonly scopes: ReadonlySet<string>;
}

export type GoogleEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    fault: FaultKind | null;
    sentStatus: number;
    authKind: AuthKind;
    principal: Principal | null;
    fieldsAsked: string[];
    directory: Directory;
  };
};
