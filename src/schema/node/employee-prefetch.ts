/**
 * One existence-and-fields batch for every Employee looked up by ID in one tick: `node` aliases,
 * `nodes`, and all `_entities` representations become a single `prefetchEmployees` call, whose
 * field list is the union of what each lookup's selection needs.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { EntityRef } from '../../providers/ids.js';
import type { EmployeeField } from '../../providers/model.js';
import type { HrContext } from '../../server/context.js';

interface PrefetchKey {
  readonly ref: EntityRef;
  readonly fields: readonly EmployeeField[];
}

function refKey(ref: EntityRef): string {
  return JSON.stringify([ref.accountId, ref.remoteId]);
}

const prefetchLoaders = createContextCache(
  (ctx: HrContext) =>
    new DataLoader<PrefetchKey, boolean, string>(
      async function prefetchBatch(keys) {
        const fields = new Set<EmployeeField>();
        const refs = new Map<string, EntityRef>();
        for (const key of keys) {
          for (const field of key.fields) fields.add(field);
          refs.set(refKey(key.ref), key.ref);
        }
        const found = await ctx.loaders.prefetchEmployees([...refs.values()], {
          unified: [...fields],
          raw: [],
        });
        const existing = new Set(found.map(refKey));
        return keys.map((key) => existing.has(refKey(key.ref)));
      },
      { cacheKeyFn: (key) => `${refKey(key.ref)}|${[...key.fields].sort().join(',')}` },
    ),
);

/** Whether the employee exists (in an account the caller can read), its fields prefetched. */
export function employeeExists(
  ctx: HrContext,
  ref: EntityRef,
  fields: readonly EmployeeField[],
): Promise<boolean> {
  return prefetchLoaders(ctx).load({ ref, fields });
}
