/**
 * The core's own view of a request: SandboxEnv plus what only the core reads (URL form, auth
 * outcome, injected fault) and the node-server bindings faults need to reach the socket.
 */
import type { HttpBindings } from '@hono/node-server';
import type { FaultKind } from '../common/faults.js';
import type { AuthKind } from '../common/request-log.js';
import type { SandboxEnv } from './env.js';

export interface RequestInfo {
  /** `gateway`: `/api/gateway.php/{co}/…`; `host`: `{co}.bamboohr.com/api/…`; `oauth`: `/token.php`… */
  readonly form: 'gateway' | 'host' | 'oauth' | 'other';
  /** The company domain named by the URL or Host, known or not. */
  readonly domain: string | null;
  /** Path without the URL-form prefix: `/v1/employees/12`. */
  readonly path: string;
}

export type CoreEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: SandboxEnv['Variables'] & {
    requestInfo: RequestInfo;
    authKind: AuthKind;
    fault: FaultKind | null;
    /** Status actually put on the wire when the core answered around Hono (0: reset). */
    sentStatus: number;
  };
};
