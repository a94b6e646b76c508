/**
 * BambooHR's account-level metadata as lookups: the field catalogue (/meta/fields) and the org
 * lists (/meta/lists). Both change rarely and are needed by many requests; the loaders keep them
 * in their shared cache for the freshness stated here.
 */
import type {
  CustomFieldDefinition,
  LookupCatalog,
  RawFieldCatalog,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { BambooHrClient } from './client.js';
import { standardRawFields } from './fields.js';
import { groupRemoteId, type ListIndex } from './normalize.js';
import { shapes } from './shapes.js';

interface MetaField {
  readonly id: string | number;
  readonly name: string;
  readonly type?: string;
  readonly alias?: string;
  readonly deprecated?: boolean;
}

interface MetaListOption {
  readonly id: number | string;
  readonly name: string;
  readonly archived?: 'yes' | 'no';
}

interface MetaList {
  readonly fieldId: string | number;
  readonly name: string;
  readonly alias?: string | null;
  readonly options: readonly MetaListOption[];
}

export type OrgListName = 'department' | 'division' | 'location';

export interface OrgOption {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
}

export interface FieldCatalogue {
  /** Canonical key (alias, else id) of a name, alias or id given in any case; undefined if unknown. */
  resolve(name: string): string | undefined;
  /** The company's own fields, in catalogue order. */
  readonly custom: readonly CustomFieldDefinition[];
}

export interface OrgLists extends ListIndex {
  options(list: OrgListName): readonly OrgOption[];
}

export interface LookupOptions {
  /** How long field and list metadata may be served from the cache. @default 300_000 (five minutes) */
  readonly freshnessMs?: number;
}

/**
 * BambooHR's lookups: `fields` (the field catalogue, for raw field names) and `lists` (the org
 * lists: department, division and location names to ids), and the groups and locations the lists
 * make, at no call of their own.
 */
export function bambooHrLookups(
  client: BambooHrClient,
  { freshnessMs = 300_000 }: LookupOptions = {},
): LookupCatalog {
  return {
    reads: {
      fields: {
        freshnessMs,
        async load(ctx) {
          const fields = await client.get<MetaField[]>(
            'bamboohr.metaFields',
            '/v1/meta/fields',
            ctx,
            {
              shape: shapes.rows,
            },
          );
          return catalogueOf(fields ?? []);
        },
      },
      lists: {
        freshnessMs,
        async load(ctx) {
          const lists = await client.get<MetaList[]>('bamboohr.metaLists', '/v1/meta/lists', ctx, {
            shape: shapes.rows,
          });
          return orgListsOf(lists ?? []);
        },
      },
    },
    groups: {
      needs: ['lists'],
      from: (values, accountId) => {
        const lists = values.get<OrgLists>('lists');
        return (['division', 'department'] as const).flatMap((list) =>
          lists.options(list).map((option) => ({
            accountId,
            remoteId: groupRemoteId(list, option.id),
            name: option.name,
            type: list === 'department' ? ('DEPARTMENT' as const) : ('DIVISION' as const),
            parent: null,
            raw: { list, ...option },
          })),
        );
      },
    },
    locations: {
      needs: ['lists'],
      // Addresses live behind the OAuth-only /hris/org/locations; the list gives names.
      from: (values, accountId) =>
        values
          .get<OrgLists>('lists')
          .options('location')
          .map((option) => ({
            accountId,
            remoteId: groupRemoteId('location', option.id),
            name: option.name,
            address: null,
            timezone: null,
            raw: { ...option },
          })),
    },
  };
}

/** Raw field names through the `fields` lookup: an unknown name is a BAD_USER_INPUT naming it. */
export const bambooHrRawFields: RawFieldCatalog = {
  needs: ['fields'],
  resolve(names, values) {
    const catalogue = values.get<FieldCatalogue>('fields');
    const unknown = names.filter((name) => catalogue.resolve(name) === undefined);
    if (unknown.length > 0) {
      throw badInput(
        `Unknown BambooHR field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
        { unknownFields: unknown },
      );
    }
    return names.map((name) => ({ key: catalogue.resolve(name)!, requestedAs: name }));
  },
  defaults: standardRawFields,
  custom: (values) => values.get<FieldCatalogue>('fields').custom,
};

/**
 * /meta/fields lists BambooHR's own fields and the company's alike, without saying which is
 * which. BambooHR names its own fields (`firstName`); a field the company adds gets an alias
 * starting with `custom` (`customShirtSize`), or none and is known by its id. Deprecated fields
 * are left out: nobody should start reading one.
 */
function isCustom(field: MetaField): boolean {
  return !field.deprecated && (field.alias === undefined || /^custom[A-Z0-9]/.test(field.alias));
}

function catalogueOf(fields: readonly MetaField[]): FieldCatalogue {
  const byName = new Map<string, string>();
  for (const field of fields) {
    const key = field.alias ?? String(field.id);
    // Aliases and ids are exact handles; display names come last so they never shadow them.
    byName.set(key.toLowerCase(), key);
    byName.set(String(field.id).toLowerCase(), key);
  }
  for (const field of fields) {
    const name = field.name.toLowerCase();
    if (!byName.has(name)) byName.set(name, field.alias ?? String(field.id));
  }
  // `id` is every record's own key, never listed in /meta/fields.
  byName.set('id', 'id');
  const custom = fields.filter(isCustom).map((field) => {
    const key = field.alias ?? String(field.id);
    return { name: key, key, label: field.name, type: field.type ?? null };
  });
  return { resolve: (name) => byName.get(name.trim().toLowerCase()), custom };
}

/**
 * The spec requires nothing of a list option. One without an id would become a group whose id
 * BambooHR never issued, and one without a name can be named by no employee row (rows carry the
 * option's text): neither is a group hrgraph can show truthfully, so both are left out.
 */
function isUsableOption(option: MetaListOption): boolean {
  const { id, name } = option as { id?: unknown; name?: unknown };
  return (
    ((typeof id === 'number' && Number.isSafeInteger(id)) ||
      (typeof id === 'string' && id.trim() !== '')) &&
    typeof name === 'string'
  );
}

function orgListsOf(lists: readonly MetaList[]): OrgLists {
  const options = new Map<OrgListName, OrgOption[]>();
  for (const name of ['department', 'division', 'location'] as const) {
    const list = lists.find((l) => l.alias === name);
    options.set(
      name,
      (list?.options ?? []).filter(isUsableOption).map((o) => ({
        id: String(o.id),
        name: o.name,
        archived: o.archived === 'yes',
      })),
    );
  }
  const byText = new Map<string, string>();
  for (const [list, opts] of options) {
    for (const o of opts) byText.set(`${list}\u0000${o.name.toLowerCase()}`, o.id);
  }
  return {
    options: (list) => options.get(list) ?? [],
    optionId: (list, text) => byText.get(`${list}\u0000${text.toLowerCase()}`) ?? null,
  };
}
