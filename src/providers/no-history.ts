/**
 * The per-employee reads of a provider that keeps no job, pay or status history and no leave
 * (identity directories: Okta, Google Workspace). Its capabilities say so, and the loaders then
 * never ask; should anything still ask, the answer is "nothing recorded", never a failure.
 */
import type { RemoteId } from './ids.js';
import type { ProviderSession } from './provider.js';

async function nothingFor<T>(ids: readonly RemoteId[]): Promise<Map<RemoteId, T[]>> {
  return new Map(ids.map((id) => [id, []]));
}

export const noPersonalHistory: Pick<
  ProviderSession,
  | 'loadEmployments'
  | 'loadCompensations'
  | 'loadStatusHistory'
  | 'loadTimeOff'
  | 'loadTimeOffBalances'
> = {
  loadEmployments: nothingFor,
  loadCompensations: nothingFor,
  loadStatusHistory: nothingFor,
  loadTimeOff: nothingFor,
  loadTimeOffBalances: nothingFor,
};
