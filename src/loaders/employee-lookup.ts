/**
 * One existence-and-fields batch for every employee looked up by id in one tick: `node` aliases,
 * `nodes`, and all `_entities` representations become one `prefetchEmployees` per account, whose
 * field list is the union of what each lookup's selection needs. Accounts fail alone: one
 * account's outage is an error at its own lookups, and the others' employees still arrive.
 */
import DataLoader from 'dataloader';
import type { AccountId, EntityRef } from '../core/ids.js';
import type { EmployeeField } from '../core/model.js';
import { asError } from './settle.js';
import type { EmployeeRow, EmployeeSelection, HrLoaders } from './types.js';

interface LookupKey {
  readonly ref: EntityRef;
  readonly selection: EmployeeSelection;
}

interface MergedSelection {
  readonly unified: Set<EmployeeField>;
  readonly rawNames: Set<string>;
  defaultRaw: boolean;
}

const refKey = (ref: EntityRef) => JSON.stringify([ref.accountId, ref.remoteId]);

export type EmployeeLookupBase = Pick<HrLoaders, 'prefetchEmployees' | 'fieldRequest'>;

/** `HrLoaders.employee` over a loaders' batched prefetch; one per request. */
export function createEmployeeLookup(loaders: EmployeeLookupBase): HrLoaders['employee'] {
  const loader = new DataLoader<LookupKey, EmployeeRow | null, string>(
    async function lookUpEmployees(keys) {
      // Refs and selections by account: provider field names resolve per account.
      const byAccount = new Map<
        AccountId,
        { refs: Map<string, EntityRef>; selection: MergedSelection }
      >();
      for (const key of keys) {
        const entry = byAccount.get(key.ref.accountId) ?? {
          refs: new Map<string, EntityRef>(),
          selection: { unified: new Set(), rawNames: new Set(), defaultRaw: false },
        };
        entry.refs.set(refKey(key.ref), key.ref);
        for (const field of key.selection.unified) entry.selection.unified.add(field);
        for (const name of key.selection.rawNames) entry.selection.rawNames.add(name);
        entry.selection.defaultRaw ||= key.selection.defaultRaw;
        byAccount.set(key.ref.accountId, entry);
      }
      const found = new Map<string, EmployeeRow>();
      const failed = new Map<AccountId, Error>();
      await Promise.all(
        [...byAccount].map(async ([account, { refs, selection }]) => {
          try {
            const fields = await loaders.fieldRequest(account, {
              unified: [...selection.unified],
              rawNames: [...selection.rawNames],
              defaultRaw: selection.defaultRaw,
            });
            for (const row of await loaders.prefetchEmployees([...refs.values()], fields)) {
              found.set(refKey(row), row);
            }
          } catch (error) {
            failed.set(account, asError(error));
          }
        }),
      );
      return keys.map((key) => failed.get(key.ref.accountId) ?? found.get(refKey(key.ref)) ?? null);
    },
    {
      cacheKeyFn: (key) =>
        JSON.stringify([
          key.ref.accountId,
          key.ref.remoteId,
          [...key.selection.unified].sort(),
          [...key.selection.rawNames].sort(),
          key.selection.defaultRaw,
        ]),
    },
  );
  return function employee(ref, selection) {
    return loader.load({ ref, selection });
  };
}
