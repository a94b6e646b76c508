/**
 * Entra's account-level reads as lookups: the tenant's groups (`groups`, which department and
 * division names point at). They change rarely and many requests need them; the loaders keep
 * them in their shared cache for the freshness stated here. Entra has no location objects.
 */
import type { LookupCatalog } from '../../core/contract/index.js';
import type { GraphClient } from './client.js';
import { type GroupDirectory, loadGroups } from './groups.js';

export interface EntraLookupOptions {
  /** How long the groups may be served from the cache. @default 300_000 */
  readonly freshnessMs?: number;
}

export function entraLookups(
  client: GraphClient,
  { freshnessMs = 300_000 }: EntraLookupOptions = {},
): LookupCatalog {
  return {
    reads: { groups: { freshnessMs, load: (ctx) => loadGroups(client, ctx) } },
    groups: { needs: ['groups'], from: (values) => values.get<GroupDirectory>('groups').groups },
  };
}
