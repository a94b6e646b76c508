/**
 * One existence-and-fields batch for every Employee looked up by ID in one tick: `node` aliases,
 * `nodes`, and all `_entities` representations become a single `prefetchEmployees` call, whose
 * field list is the union of what each lookup's selection needs.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { AccountId, EntityRef } from '../../core/ids.js';
import type { EmployeeField } from '../../core/model.js';
import type { HrContext } from '../context.js';
import { resolveSelection } from '../employee/selection.js';
import type { EmployeeSelection } from '../lookahead.js';

interface MergedSelection {
  readonly unified: Set<EmployeeField>;
  readonly rawNames: Set<string>;
  defaultRaw: boolean;
}

interface PrefetchKey {
  readonly ref: EntityRef;
  readonly selection: EmployeeSelection;
}

function refKey(ref: EntityRef): string {
  return JSON.stringify([ref.accountId, ref.remoteId]);
}

const prefetchLoaders = createContextCache(
  (ctx: HrContext) =>
    new DataLoader<PrefetchKey, boolean, string>(
      async function prefetchBatch(keys) {
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
        const found = (
          await Promise.all(
            [...byAccount].map(async ([account, { refs, selection }]) =>
              ctx.loaders.prefetchEmployees(
                [...refs.values()],
                await resolveSelection(ctx, account, {
                  unified: [...selection.unified],
                  rawNames: [...selection.rawNames],
                  defaultRaw: selection.defaultRaw,
                }),
              ),
            ),
          )
        ).flat();
        const existing = new Set(found.map(refKey));
        return keys.map((key) => existing.has(refKey(key.ref)));
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
    ),
);

/** Whether the employee exists (in an account the caller can read), its fields prefetched. */
export function employeeExists(
  ctx: HrContext,
  ref: EntityRef,
  selection: EmployeeSelection,
): Promise<boolean> {
  return prefetchLoaders(ctx).load({ ref, selection });
}
