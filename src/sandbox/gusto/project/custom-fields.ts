/**
 * Custom fields as Gusto types them (text, currency, number, date, radio). A checkbox becomes a
 * Yes/No radio and a list a radio over its options; a person without a value shows "" (the
 * schema's `value` is a required string), both sandbox choices.
 */
import type { CustomFieldDef, Person } from '../../company/types.js';
import { gustoUuid } from '../ids.js';
import type { Json } from './jobs.js';
import type { GustoView } from './view.js';

const GUSTO_TYPE = {
  text: 'text',
  int: 'number',
  date: 'date',
  list: 'radio',
  checkbox: 'radio',
  currency: 'currency',
} as const;

function options(field: CustomFieldDef): string[] | null {
  if (field.type === 'list') return [...field.options];
  if (field.type === 'checkbox') return ['Yes', 'No'];
  return null;
}

export function customFieldUuid(field: CustomFieldDef): string {
  return gustoUuid('customField', field.id);
}

export function projectCompanyCustomField(field: CustomFieldDef): Json {
  return {
    uuid: customFieldUuid(field),
    name: field.name,
    type: GUSTO_TYPE[field.type],
    description: null,
    selection_options: options(field),
  };
}

function fieldValue(view: GustoView, person: Person, field: CustomFieldDef): string {
  const value = view.company.customValue(person, field);
  if (value === null) return '';
  if (field.type === 'checkbox') return value === 'yes' ? 'Yes' : 'No';
  return value;
}

export function projectEmployeeCustomFields(view: GustoView, person: Person): Json[] {
  return view.customFields.map((field, index) => ({
    id: gustoUuid('employeeCustomField', person.id, index),
    company_custom_field_id: customFieldUuid(field),
    name: field.name,
    type: GUSTO_TYPE[field.type],
    description: '',
    value: fieldValue(view, person, field),
    selection_options: options(field),
  }));
}
