/**
 * HiBob's account-level reads that change slowly, as lookups: the named lists (departments and
 * sites: a record's `work.department` is a department item's id, `work.siteId` a site's) and the
 * field catalogue (`GET /company/people/fields`, where custom fields get their names). Each is one
 * call; the loaders keep them in their shared cache for the freshness stated here, and the groups
 * and locations the schema lists are made from the named lists at no call of their own.
 */
import type { CallContext, Lookup, LookupCatalog } from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type { HibobClient } from './client.js';
import { fieldCatalogue } from './custom-fields.js';
import { type BodyShape, type Json, shapes } from './shapes.js';

export interface HibobLookupOptions {
  /**
   * How long the named lists and the field catalogue may be served from the loaders' cache: a
   * department renamed in Bob shows under its new name at most this late.
   * @default 300_000 (five minutes)
   */
  readonly freshnessMs?: number;
}

/** The named lists by name, each item by its id as a record names it (a string). */
export type NamedLists = ReadonlyMap<string, ReadonlyMap<string, Json>>;

function toNamedLists(lists: readonly Json[]): NamedLists {
  return new Map(
    lists.map((list) => [
      String(list.name),
      new Map(
        (list.items as Json[])
          .filter((item) => typeof item.id === 'number' || typeof item.id === 'string')
          .map((item) => [String(item.id), item]),
      ),
    ]),
  );
}

const nameOf = (item: Json) =>
  typeof item.name === 'string' ? item.name : typeof item.value === 'string' ? item.value : '';

export function hibobLookups(
  client: HibobClient,
  { freshnessMs = 300_000 }: HibobLookupOptions = {},
): LookupCatalog {
  const listItems = (values: { get<T>(name: string): T }, name: string) => [
    ...(values.get<NamedLists>('namedLists').get(name)?.values() ?? []),
  ];
  /** One call of a bare list, kept as `made` makes it. */
  const rowsOf = <T>(
    operation: string,
    path: string,
    shape: BodyShape,
    made: (rows: Json[]) => T,
  ): Lookup<T> => ({
    freshnessMs,
    load: async (ctx: CallContext) =>
      made(await client.call<Json[]>(operation, path, ctx, { shape })),
  });
  return {
    reads: {
      namedLists: rowsOf(
        'hibob.namedLists',
        '/company/named-lists',
        shapes.namedLists,
        toNamedLists,
      ),
      fields: rowsOf('hibob.fields', '/company/people/fields', shapes.fields, fieldCatalogue),
    },
    groups: {
      needs: ['namedLists'],
      from: (values, accountId) =>
        listItems(values, 'department').map((item) => ({
          accountId,
          remoteId: remoteId(String(item.id)),
          name: nameOf(item),
          type: 'DEPARTMENT' as const,
          parent: null,
          raw: item,
        })),
    },
    locations: {
      needs: ['namedLists'],
      // A site item is a name; Bob keeps its address elsewhere.
      from: (values, accountId) =>
        listItems(values, 'site').map((item) => ({
          accountId,
          remoteId: remoteId(String(item.id)),
          name: nameOf(item),
          address: null,
          timezone: null,
          raw: item,
        })),
    },
  };
}
