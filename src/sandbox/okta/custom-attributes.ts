/**
 * The company's custom fields as Okta custom profile attributes: the first `count` definitions,
 * under their camelCase alias (already `custom…`, so they never collide with a base attribute),
 * flat inside `profile`, and declared in the user schema's `custom` definition.
 *
 * Types: text and date → string (Okta has no date type; dates stay `YYYY-MM-DD`), int → integer,
 * currency → number, checkbox → boolean, list → string with `enum` and `oneOf`.
 */
import type { CustomFieldDef, Person, SyntheticCompany } from '../company/types.js';

export type CustomAttributeType = 'string' | 'integer' | 'number' | 'boolean';

export interface CustomAttribute {
  readonly name: string;
  readonly title: string;
  readonly type: CustomAttributeType;
  readonly options: readonly string[];
  readonly field: CustomFieldDef;
}

const TYPES: Record<CustomFieldDef['type'], CustomAttributeType> = {
  text: 'string',
  date: 'string',
  list: 'string',
  int: 'integer',
  currency: 'number',
  checkbox: 'boolean',
};

export function customAttributes(company: SyntheticCompany, count: number): CustomAttribute[] {
  return company.customFields.slice(0, Math.max(0, count)).map((field) => ({
    name: field.alias,
    title: field.name,
    type: TYPES[field.type],
    options: field.options,
    field,
  }));
}

export type AttributeValue = string | number | boolean | null;

export function attributeValue(
  company: SyntheticCompany,
  person: Person,
  attribute: CustomAttribute,
): AttributeValue {
  const raw = company.customValue(person, attribute.field);
  if (raw === null) return null;
  switch (attribute.type) {
    case 'integer':
    case 'number':
      return Number(raw);
    case 'boolean':
      return raw === 'yes';
    default:
      return raw;
  }
}
