/**
 * Raw field names: Personio's standard v1 attributes (known without a call), and the attributes
 * `GET /v1/company/employees/attributes` lists for the credential — custom ones as
 * `dynamic_<id>` with a label ("IBAN") — by key or label in any case. The list is what the API
 * credential may read, which Personio sets per credential.
 */
import type { CustomFieldDefinition, RawFieldCatalog } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { defaultRawFields, isCustomAttribute, standardAttributes } from './fields.js';
import type { Json } from './shapes.js';

export interface AttributeCatalogue {
  /** By key and by label, lower-cased, to the key records carry. */
  readonly byName: ReadonlyMap<string, string>;
  readonly custom: readonly CustomFieldDefinition[];
}

export function attributeCatalogue(rows: readonly Json[]): AttributeCatalogue {
  const byName = new Map<string, string>();
  const custom: CustomFieldDefinition[] = [];
  for (const row of rows) {
    const key = row.key as string;
    const label = typeof row.label === 'string' && row.label !== '' ? row.label : null;
    byName.set(key.toLowerCase(), key);
    if (label && !byName.has(label.toLowerCase())) byName.set(label.toLowerCase(), key);
    if (isCustomAttribute(key)) {
      custom.push({
        name: label ?? key,
        key,
        label,
        type: typeof row.type === 'string' ? row.type : null,
      });
    }
  }
  return { byName, custom };
}

const standard = new Map(standardAttributes.map((key) => [key.toLowerCase(), key]));

export const personioRawFields: RawFieldCatalog = {
  needs: ['attributes'],
  needsFor: (names) =>
    names.every((name) => standard.has(name.toLowerCase())) ? [] : ['attributes'],
  resolve(names, lookups) {
    const unknown: string[] = [];
    const out = [];
    let catalogue: AttributeCatalogue | null = null;
    for (const name of names) {
      let key = standard.get(name.toLowerCase());
      if (key === undefined) {
        catalogue ??= lookups.get<AttributeCatalogue>('attributes');
        key = catalogue.byName.get(name.toLowerCase());
      }
      if (key === undefined) unknown.push(name);
      else out.push({ key, requestedAs: name });
    }
    if (unknown.length > 0) {
      throw badInput(`Unknown Personio employee attributes: ${unknown.join(', ')}`, {
        argument: 'names',
        unknownFields: unknown,
      });
    }
    return out;
  },
  defaults: defaultRawFields,
  custom: (lookups) => lookups.get<AttributeCatalogue>('attributes').custom,
};
