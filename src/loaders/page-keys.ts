/**
 * Which keys a list page carries. The selection's own, as far as the list can carry them; and,
 * when the nodes' managers are asked for fields (`id manager { displayName }`), theirs too —
 * but only when the one page call can carry every one of them beside the selection's. Then the
 * managers on the page cost nothing and those off it are one planned read, as before; a union
 * that no longer fits (BambooHR's 399-field dataset, its list endpoint's closed field list) is
 * planned as without it, so widening never adds a call.
 */
import type { ListOperation, ListQuery, LookupName, ProviderKey } from '../core/contract/index.js';

export interface WantedKeys {
  readonly keys: readonly ProviderKey[];
  readonly lookups: readonly LookupName[];
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

export function pageKeys(
  list: ListOperation,
  query: ListQuery,
  wanted: WantedKeys,
  managers: WantedKeys | null,
): WantedKeys {
  const own = list.carries(wanted.keys, query);
  const asked = new Set(wanted.keys);
  if (!managers || managers.keys.every((key) => asked.has(key))) {
    return { keys: own, lookups: wanted.lookups };
  }
  const wide = list.carries(union(wanted.keys, managers.keys), query);
  const carried = new Set(wide);
  const fits =
    managers.keys.every((key) => carried.has(key)) && own.every((key) => carried.has(key));
  return fits
    ? { keys: wide, lookups: union(wanted.lookups, managers.lookups) }
    : { keys: own, lookups: wanted.lookups };
}
