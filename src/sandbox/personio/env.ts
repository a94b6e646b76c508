/** What the Personio sandbox's middleware and routes read and write on a request. */
import type { HttpBindings } from '@hono/node-server';
import type { FaultKind } from '../common/faults.js';
import type { AuthKind } from '../common/request-log.js';

export type PersonioEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    fault: FaultKind | null;
    sentStatus: number;
    authKind: AuthKind;
    /** The API client the bearer token was issued to. */
    clientId: string;
  };
};
