/**
 * Raw field names: Bob's field ids (`work.title`, `category_<n>.field_<id>`), and the account's
 * custom fields by the name the field catalogue (`GET /company/people/fields`) gives them, in any
 * case. A field is custom when its category is none of Bob's built-in ones.
 */
import type { CustomFieldDefinition, RawFieldCatalog } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { defaultRawFields, standardFields } from './fields.js';
import type { Json } from './shapes.js';

export interface FieldCatalogue {
  /** By field id and by name, lower-cased, to the field id. */
  readonly byName: ReadonlyMap<string, string>;
  readonly custom: readonly CustomFieldDefinition[];
}

/** Bob's built-in categories; anything else holds custom fields. */
const builtIn = new Set([
  'root',
  'about',
  'address',
  'employment',
  'financial',
  'home',
  'identification',
  'internal',
  'lifecycle',
  'payroll',
  'people',
  'personal',
  'work',
  'workContact',
]);

const textOf = (row: Json, key: string) =>
  typeof row[key] === 'string' && row[key] !== '' ? (row[key] as string) : null;

export function fieldCatalogue(fields: readonly Json[]): FieldCatalogue {
  const byName = new Map<string, string>();
  const custom: CustomFieldDefinition[] = [];
  for (const field of fields) {
    const id = textOf(field, 'id');
    if (id === null || !id.includes('.')) continue;
    byName.set(id.toLowerCase(), id);
    const category = textOf(field, 'category') ?? id.slice(0, id.indexOf('.'));
    if (builtIn.has(category)) continue;
    const name = textOf(field, 'name');
    // A name two fields share names neither: the id still does.
    if (name !== null && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), id);
    custom.push({ name: name ?? id, key: id, label: name, type: textOf(field, 'type') });
  }
  return { byName, custom };
}

const standard = new Map(standardFields.map((key) => [key.toLowerCase(), key]));

export const hibobRawFields: RawFieldCatalog = {
  needs: ['fields'],
  needsFor: (names) => (names.every((n) => standard.has(n.toLowerCase())) ? [] : ['fields']),
  resolve(names, lookups) {
    const unknown: string[] = [];
    const out = [];
    for (const name of names) {
      const key =
        standard.get(name.toLowerCase()) ??
        lookups.get<FieldCatalogue>('fields').byName.get(name.toLowerCase());
      if (key === undefined) unknown.push(name);
      else out.push({ key, requestedAs: name });
    }
    if (unknown.length > 0) {
      throw badInput(`Unknown HiBob employee fields: ${unknown.join(', ')}`, {
        argument: 'names',
        unknownFields: unknown,
      });
    }
    return out;
  },
  defaults: defaultRawFields,
  custom: (lookups) => lookups.get<FieldCatalogue>('fields').custom,
};
