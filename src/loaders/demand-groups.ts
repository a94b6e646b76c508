/**
 * From what each id lacks to the calls that load it: ids grouped by what they lack (a page
 * missing a few keys and its managers missing all of them are two groups), then planned together.
 * Pure: the demand batch (employee-demands.ts) runs what it returns, and explain (explain/) counts
 * it, so a plan and the calls made can never disagree.
 */
import type { ProviderKey, ReadOperation } from '../core/contract/index.js';
import {
  type DemandGroup,
  type PlanContext,
  type PlannedCall,
  planGroupedLoad,
} from './planner.js';

/** What one id still needs from the provider. */
export interface Lacking {
  keys: readonly ProviderKey[];
  exists: boolean;
  /** Whether `keys` merges several demands (and so has no order of its own). */
  merged: boolean;
}

/** Ids grouped by what they lack, each group's keys in the order its demands named them. */
export function groupLacking(lacking: ReadonlyMap<string, Lacking>): DemandGroup[] {
  // Demands of one field share one keys array in one order, so most signatures are a join;
  // merged ones are sorted first.
  const groups = new Map<string, { ids: string[]; fields: ProviderKey[]; exists: boolean }>();
  for (const [id, { keys, exists, merged }] of lacking) {
    const fields = merged ? [...keys].sort() : keys;
    const signature = `${exists ? 1 : 0}\u0000${fields.join('\u0000')}`;
    const group = groups.get(signature) ?? { ids: [], fields: [...fields], exists };
    group.ids.push(id);
    groups.set(signature, group);
  }
  return [...groups.values()];
}

/** The calls one account's batch makes for what its ids lack. */
export function planLacking(
  reads: readonly ReadOperation[],
  lacking: ReadonlyMap<string, Lacking>,
  ctx: PlanContext,
): PlannedCall[] {
  return planGroupedLoad(reads, groupLacking(lacking), ctx);
}
