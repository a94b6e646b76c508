/**
 * The field catalogue of one company: standard fields plus its custom fields, found by alias
 * (case-insensitive), by numeric id, or by a custom field's alias, as Get Employee, custom
 * reports and datasets accept them. `value()` reads any of them for a person.
 */
import type { CustomFieldDef, Person, SyntheticCompany } from '../company/types.js';
import {
  createOrgIndex,
  type OrgIndex,
  type PersonView,
  type ViewOptions,
  viewPerson,
} from './person-view.js';
import { STANDARD_FIELDS, type StandardField } from './standard-fields.js';

export type { ViewOptions } from './person-view.js';
export { STANDARD_FIELDS, type StandardField } from './standard-fields.js';

export interface FieldDef {
  /** Numeric id; standard fields are below 5000, custom ones come from the company. */
  readonly id: number;
  /** The API name: a standard alias (`firstName`) or a custom alias (`customShirtSize`). */
  readonly alias: string;
  /** Display name. */
  readonly name: string;
  /** BambooHR field type: text, date, list, currency, employee, … */
  readonly type: string;
  readonly kind: 'standard' | 'custom';
  /** Listed by `/v1/meta/fields` (false for the newer endpoints' duplicate names). */
  readonly inMeta: boolean;
  readonly deprecated?: boolean;
  /** Set for custom fields. */
  readonly custom?: CustomFieldDef;
}

export interface FieldCatalog {
  readonly company: SyntheticCompany;
  /** Every field, standard first, in `/v1/meta/fields` order. */
  readonly all: readonly FieldDef[];
  /** By alias (any case) or numeric id; undefined when unknown. */
  resolve(key: string): FieldDef | undefined;
  /** One field's value for a person, or null where they have none. */
  value(person: Person, field: FieldDef | string, options?: ViewOptions): string | null;
  /** Several values at once; the person's history rows are looked up once. */
  values(person: Person, fields: readonly FieldDef[], options?: ViewOptions): (string | null)[];
  /** The lazily computed view of a person the values are read from. */
  view(person: Person, options?: ViewOptions): PersonView;
}

function standardDef(field: StandardField): FieldDef {
  const { read: _read, ...rest } = field;
  return { ...rest, kind: 'standard' };
}

function customDef(field: CustomFieldDef): FieldDef {
  return {
    id: field.id,
    alias: field.alias,
    name: field.name,
    type: field.type,
    kind: 'custom',
    inMeta: true,
    custom: field,
  };
}

export function createFieldCatalog(company: SyntheticCompany): FieldCatalog {
  const org: OrgIndex = createOrgIndex(company);
  const readers = new Map<FieldDef, StandardField['read']>();
  const byKey = new Map<string, FieldDef>();
  const all: FieldDef[] = [];
  for (const field of STANDARD_FIELDS) {
    const def = standardDef(field);
    readers.set(def, field.read);
    all.push(def);
  }
  for (const field of company.customFields) all.push(customDef(field));
  // Standard fields win a clash, so a custom field can never shadow `firstName` or id 1.
  for (const def of all) {
    const alias = def.alias.toLowerCase();
    if (!byKey.has(alias)) byKey.set(alias, def);
    if (!byKey.has(String(def.id))) byKey.set(String(def.id), def);
  }

  function resolve(key: string): FieldDef | undefined {
    return byKey.get(key.trim().toLowerCase());
  }

  function read(view: PersonView, def: FieldDef): string | null {
    if (def.custom) return company.customValue(view.person, def.custom);
    return readers.get(def)?.(view) ?? null;
  }

  function view(person: Person, options?: ViewOptions): PersonView {
    return viewPerson(company, org, person, options);
  }

  return {
    company,
    all,
    resolve,
    view,
    value(person, field, options) {
      const def = typeof field === 'string' ? resolve(field) : field;
      return def ? read(view(person, options), def) : null;
    },
    values(person, fields, options) {
      const personView = view(person, options);
      return fields.map((def) => read(personView, def));
    },
  };
}

/**
 * A field's value for a person without keeping a catalogue. Convenient for one-off reads; for many
 * people or fields build one catalogue (or use `c.var.fields` in a route) instead.
 */
export function fieldValue(
  company: SyntheticCompany,
  person: Person,
  fieldKey: string,
  options?: ViewOptions,
): string | null {
  return createFieldCatalog(company).value(person, fieldKey, options);
}
