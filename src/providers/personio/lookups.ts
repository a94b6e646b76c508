/**
 * Personio's account-level reads that change slowly: the attribute catalogue (what the API
 * credential may read, custom attributes included) and the org index (departments and offices
 * as the employees name them, and the list's length; org.ts). The loaders keep both in their
 * shared cache for `freshnessMs`; the groups and locations the schema lists come from the org
 * index at no call of their own.
 */
import type { LookupCatalog } from '../../core/contract/index.js';
import type { PersonioClient } from './client.js';
import { attributeCatalogue } from './custom-attributes.js';
import { groupsOf, locationsOf, type OrgIndex, orgLookup } from './org.js';
import { type Json, shapes } from './shapes.js';

export interface PersonioLookupOptions {
  /**
   * How long the attribute catalogue and the org index may be served from the loaders' cache.
   * @default 300_000 (five minutes)
   */
  readonly freshnessMs?: number;
}

export function personioLookups(
  client: PersonioClient,
  { freshnessMs = 300_000 }: PersonioLookupOptions = {},
): LookupCatalog {
  return {
    reads: {
      attributes: {
        freshnessMs,
        load: async (ctx) =>
          attributeCatalogue(
            (await client.get<{ data: Json[] }>(
              'v1',
              'personio.attributes',
              '/v1/company/employees/attributes',
              ctx,
              { shape: shapes.attributes },
            ))!.data,
          ),
      },
      org: orgLookup(client, freshnessMs),
    },
    groups: {
      needs: ['org'],
      from: (values, accountId) => groupsOf(values.get<OrgIndex>('org'), accountId),
    },
    locations: {
      needs: ['org'],
      from: (values, accountId) => locationsOf(values.get<OrgIndex>('org'), accountId),
    },
  };
}
