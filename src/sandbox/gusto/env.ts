/** What the Gusto sandbox's middleware and routes read and write on a request. */
import type { HttpBindings } from '@hono/node-server';
import type { Clock } from '../common/clock.js';
import type { FaultKind } from '../common/faults.js';
import type { AuthKind } from '../common/request-log.js';
import type { GustoView } from './project/view.js';

/** Who a valid access token speaks for. */
export interface GustoGrant {
  readonly clientId: string;
  readonly companyUuid: string;
  /** The authorizing admin (a synthetic person id). */
  readonly adminId: number;
  readonly scopes: readonly string[];
}

export type GustoEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    fault: FaultKind | null;
    sentStatus: number;
    authKind: AuthKind;
    grant: GustoGrant;
    view: GustoView;
    clock: Clock;
  };
};
