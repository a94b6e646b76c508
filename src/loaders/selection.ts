/**
 * Turns a lookahead selection into the field request a load can plan: provider field names are
 * resolved against the account's field catalogue (a cached lookup). An unknown name is left out
 * here; the `customFields` or `remoteData` resolver that named it reports it at its own path.
 */
import type { AccountId } from '../core/ids.js';
import type { EmployeeFieldRequest, EmployeeSelection, HrLoaders } from './types.js';

export async function fieldRequestOf(
  loaders: Pick<HrLoaders, 'resolveRawFields' | 'defaultRawFields'>,
  account: AccountId,
  selection: EmployeeSelection,
): Promise<EmployeeFieldRequest> {
  const keys = new Set(selection.defaultRaw ? loaders.defaultRawFields(account) : []);
  if (selection.rawNames.length > 0) {
    try {
      for (const field of await loaders.resolveRawFields(account, selection.rawNames)) {
        keys.add(field.key);
      }
    } catch {
      // Reported by the field that asked for the name; the rest of the selection still plans.
    }
  }
  return { unified: selection.unified, raw: [...keys] };
}
