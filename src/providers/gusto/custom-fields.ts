/**
 * Raw field names: the employee row's own attributes, and the company's custom fields from the
 * `customFields` lookup (GET /v1/companies/{id}/custom_fields), by name or uuid in any case.
 */
import type { CustomFieldDefinition, RawFieldCatalog } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { baseRawFields, CUSTOM_PREFIX, defaultRawFields, includedRawFields } from './fields.js';
import { text } from './normalize.js';
import type { Json } from './shapes.js';

export interface CustomFieldCatalogue {
  /** By name and by uuid, lower-cased, to the key rows carry: custom_fields.<name>. */
  readonly byName: ReadonlyMap<string, string>;
  /** The company's custom fields, in Gusto's order. */
  readonly custom: readonly CustomFieldDefinition[];
}

export function customFieldCatalogue(fields: readonly Json[]): CustomFieldCatalogue {
  const byName = new Map<string, string>();
  const custom: CustomFieldDefinition[] = [];
  for (const field of fields) {
    const name = text(field, 'name');
    if (name === null) continue;
    const key = `${CUSTOM_PREFIX}${name}`;
    byName.set(name.toLowerCase(), key);
    const uuid = text(field, 'uuid');
    if (uuid) byName.set(uuid.toLowerCase(), key);
    custom.push({ name, key, label: name, type: text(field, 'type') });
  }
  return { byName, custom };
}

const standard = new Map(
  [...baseRawFields, ...Object.keys(includedRawFields)].map((key) => [key.toLowerCase(), key]),
);

export const gustoRawFields: RawFieldCatalog = {
  needs: ['customFields'],
  resolve(names, lookups) {
    const catalogue = lookups.get<CustomFieldCatalogue>('customFields');
    const unknown: string[] = [];
    const out = [];
    for (const name of names) {
      const bare = name.toLowerCase().startsWith(CUSTOM_PREFIX)
        ? name.slice(CUSTOM_PREFIX.length)
        : name;
      const key = standard.get(name.toLowerCase()) ?? catalogue.byName.get(bare.toLowerCase());
      if (key === undefined) unknown.push(name);
      else out.push({ key, requestedAs: name });
    }
    if (unknown.length > 0) {
      throw badInput(`Unknown Gusto employee fields: ${unknown.join(', ')}`, {
        argument: 'names',
        unknownFields: unknown,
      });
    }
    return out;
  },
  defaults: defaultRawFields,
  custom: (lookups) => lookups.get<CustomFieldCatalogue>('customFields').custom,
};
