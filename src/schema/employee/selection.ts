/**
 * Turns a lookahead selection into the field request a loader can plan: provider field names are
 * resolved against the account's field catalogue (cached per account). An unknown name is left
 * out here; the `customFields` or `remoteData` resolver that named it reports it at its own path.
 */

import type { EmployeeFieldRequest } from '../../core/contract/index.js';
import type { AccountId } from '../../core/ids.js';
import type { HrContext } from '../context.js';
import type { EmployeeSelection } from '../lookahead.js';

export async function resolveSelection(
  ctx: HrContext,
  account: AccountId,
  selection: EmployeeSelection,
): Promise<EmployeeFieldRequest> {
  const keys = new Set(selection.defaultRaw ? ctx.loaders.defaultRawFields(account) : []);
  if (selection.rawNames.length > 0) {
    try {
      for (const field of await ctx.loaders.resolveRawFields(account, selection.rawNames)) {
        keys.add(field.key);
      }
    } catch {
      // Reported by the field that asked for the name; the rest of the selection still plans.
    }
  }
  return { unified: selection.unified, raw: [...keys] };
}
