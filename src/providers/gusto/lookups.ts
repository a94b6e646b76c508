/**
 * Gusto's account-level reads that change slowly, as lookups: the departments and the locations
 * (each one call; Gusto does not page them) and the custom-field catalogue. Many requests need
 * them and a company changes them rarely, so the loaders keep them in their shared cache for the
 * freshness stated here instead of reading them on every request; the groups and locations the
 * schema lists are made from them at no call of their own.
 */
import type { CallContext, LookupCatalog } from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type { GustoClient } from './client.js';
import { customFieldCatalogue } from './custom-fields.js';
import { text, toAddress } from './normalize.js';
import { type Json, shapes } from './shapes.js';

export interface GustoLookupOptions {
  /**
   * How long departments, locations and the custom-field catalogue may be served from the
   * loaders' cache: a department renamed in Gusto shows under its new name at most this late.
   * @default 300_000 (five minutes)
   */
  readonly freshnessMs?: number;
}

export function gustoLookups(
  client: GustoClient,
  company: string,
  { freshnessMs = 300_000 }: GustoLookupOptions = {},
): LookupCatalog {
  const companyPath = `/v1/companies/${encodeURIComponent(company)}`;
  const rowsOf = (operation: string, path: string) => ({
    freshnessMs,
    load: async (ctx: CallContext) =>
      (
        await client.get<Json[]>(operation, `${companyPath}${path}`, ctx, {
          shape: shapes.uuidRows,
        })
      ).body,
  });
  return {
    reads: {
      departments: rowsOf('gusto.departments', '/departments'),
      locations: rowsOf('gusto.locations', '/locations'),
      customFields: {
        freshnessMs,
        load: async (ctx) =>
          customFieldCatalogue(
            (
              await client.get<{ custom_fields: Json[] }>(
                'gusto.customFields',
                `${companyPath}/custom_fields`,
                ctx,
                { shape: shapes.customFields },
              )
            ).body.custom_fields,
          ),
      },
    },
    groups: {
      needs: ['departments'],
      from: (values, accountId) =>
        values.get<Json[]>('departments').map((row) => ({
          accountId,
          remoteId: remoteId(String(row.uuid)),
          name: text(row, 'title') ?? '',
          type: 'DEPARTMENT' as const,
          parent: null,
          raw: row,
        })),
    },
    locations: {
      needs: ['locations'],
      // Gusto's locations are addresses without a name: the street and city name them.
      from: (values, accountId) =>
        values.get<Json[]>('locations').map((row) => ({
          accountId,
          remoteId: remoteId(String(row.uuid)),
          name: [text(row, 'street_1'), text(row, 'city')].filter(Boolean).join(', '),
          address: toAddress(row),
          timezone: null,
          raw: row,
        })),
    },
  };
}
