/**
 * Okta's account-level reads as lookups: the org's groups (`groups`, which department and
 * division names point at) and the default user type's schema (`userSchema`, for raw attribute
 * names and custom fields). Both change rarely and many requests need them; the loaders keep
 * them in their shared cache for the freshness stated here. Okta has no location objects.
 */
import type { LookupCatalog } from '../../core/contract/index.js';
import type { OktaClient } from './client.js';
import { type GroupDirectory, loadGroups } from './groups.js';
import { loadUserSchema } from './metadata.js';

export interface OktaLookupOptions {
  /** How long groups and the user schema may be served from the cache. @default 300_000 */
  readonly freshnessMs?: number;
}

export function oktaLookups(
  client: OktaClient,
  { freshnessMs = 300_000 }: OktaLookupOptions = {},
): LookupCatalog {
  return {
    reads: {
      groups: { freshnessMs, load: (ctx) => loadGroups(client, ctx) },
      userSchema: { freshnessMs, load: (ctx) => loadUserSchema(client, ctx) },
    },
    groups: {
      needs: ['groups'],
      from: (values) => values.get<GroupDirectory>('groups').groups,
    },
  };
}
