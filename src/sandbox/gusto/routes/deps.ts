/** What every route module gets from the app. */
import type { Context } from 'hono';
import type { GustoEnv } from '../env.js';
import type { PagingRules } from '../list-query.js';
import type { GustoView } from '../project/view.js';

export interface RouteDeps {
  readonly view: GustoView;
  readonly paging: PagingRules;
}

/** compensations:read unlocks rate fields on employees and jobs (spec, list operation). */
export function withPay(c: Context<GustoEnv>): boolean {
  return c.get('grant').scopes.includes('compensations:read');
}
