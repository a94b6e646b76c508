/** What the HiBob sandbox's middleware and routes read and write on a request. */
import type { HttpBindings } from '@hono/node-server';
import type { FaultKind } from '../common/faults.js';
import type { AuthKind } from '../common/request-log.js';

export type HibobEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    fault: FaultKind | null;
    sentStatus: number;
    authKind: AuthKind;
    /** The service user the request authenticated as. */
    serviceUser: string;
    /** Field paths the request asked for (`POST /people/search`), for the request log. */
    fieldsAsked: readonly string[];
  };
};
