/**
 * What identity directories (Okta, Google Workspace) share: people and groups, but no job, pay or
 * status history, no leave and no locations, behind a cursor that walks forward only. Their
 * capabilities say so, and the loaders then never ask; should anything still ask, the answer is
 * "nothing recorded", never a failure.
 */

import type { Capabilities } from '../core/contract/index.js';
import type { RemoteId } from '../core/ids.js';

/** A directory's capabilities: what it supplies and filters on, the rest fixed. */
export function directoryCapabilities(
  own: Pick<Capabilities, 'employeeFields' | 'filters' | 'orders' | 'maxPageSize'>,
): Capabilities {
  return {
    ...own,
    employments: false,
    compensations: false,
    statusHistory: false,
    timeOff: false,
    timeOffBalances: false,
    groups: true,
    locations: false,
    customFields: true,
    pagingDirections: ['forward'],
  };
}

async function nothingFor<T>(ids: readonly RemoteId[]): Promise<Map<RemoteId, T[]>> {
  return new Map(ids.map((id) => [id, []]));
}

/**
 * The histories a directory's session answered with "nothing recorded". Kept only so Okta and
 * Google Workspace still load until they move to the catalog (contract-status.md), where a
 * directory simply declares no histories; remove with the last of them.
 */
export const noPersonalHistory = {
  loadEmployments: nothingFor,
  loadCompensations: nothingFor,
  loadStatusHistory: nothingFor,
  loadTimeOff: nothingFor,
  loadTimeOffBalances: nothingFor,
};
