/**
 * Custom field definitions and their values. Values are never stored: each is a pure function of
 * (seed, person id, field id), so a 100,000-person company with 1,000 fields costs nothing until
 * a value is read, and reads in any order agree.
 */

import { fieldTemplates } from './custom-field-names.js';
import { isoFromDay } from './dates.js';
import { hash32 } from './random.js';
import type { CustomFieldDef, Person } from './types.js';

/** Standard BambooHR field ids stay below this; custom ids start here. */
export const FIRST_CUSTOM_FIELD_ID = 5000;
const NULL_SHARE = 0.15;

function aliasFor(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `custom${words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('')}`;
}

export function buildCustomFields(count: number): CustomFieldDef[] {
  const aliases = new Set<string>();
  return fieldTemplates(count).map(function toDef(template, index) {
    const id = FIRST_CUSTOM_FIELD_ID + index;
    let alias = aliasFor(template.name);
    if (aliases.has(alias)) alias = `${alias}${id}`;
    aliases.add(alias);
    return { id, name: template.name, alias, type: template.type, options: template.options };
  });
}

export interface ValueWords {
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  readonly adjectives: readonly string[];
  readonly nouns: readonly string[];
}

function at(items: readonly string[], n: number): string {
  return items[n % items.length] ?? '';
}

function textValue(field: CustomFieldDef, h: number, words: ValueWords): string {
  const name = field.name;
  const n = hash32(h, 1);
  if (/Name|Mentor|Buddy/.test(name))
    return `${at(words.firstNames, n)} ${at(words.lastNames, n >>> 12)}`;
  if (/Phone/.test(name)) return `+1 555 01${String(n % 100).padStart(2, '0')}`;
  if (/Username|Handle/.test(name)) return `${at(words.firstNames, n).toLowerCase()}${n % 1000}`;
  if (/Code|Cost Center|Spot|Desk/.test(name)) {
    const letters = String.fromCharCode(65 + (n % 26), 65 + ((n >>> 5) % 26));
    return `${letters}-${String((n >>> 10) % 10000).padStart(4, '0')}`;
  }
  const adjective = at(words.adjectives, n);
  return `${adjective[0]?.toUpperCase()}${adjective.slice(1)} ${at(words.nouns, n >>> 11)}`;
}

function intValue(field: CustomFieldDef, h: number): string {
  const n = hash32(h, 2);
  if (/Years|Days/.test(field.name)) return String(n % 25);
  if (/Stock/.test(field.name)) return String((n % 200) * 100);
  return String(1000 + (n % 99000));
}

function currencyValue(field: CustomFieldDef, h: number): string {
  const n = hash32(h, 3);
  const max = /Stipend|Training/.test(field.name) ? 2000 : 50000;
  return `${Math.max(50, Math.round((n % max) / 50) * 50)}.00`;
}

export function customValue(
  seed: number,
  todayDay: number,
  words: ValueWords,
  person: Person,
  field: CustomFieldDef,
): string | null {
  const h = hash32(seed, person.id, field.id);
  if (h / 0x100000000 < NULL_SHARE) return null;
  switch (field.type) {
    case 'text':
      return textValue(field, h, words);
    case 'int':
      return intValue(field, h);
    case 'date': {
      // Expiry and "next" dates lie ahead; everything else in the last ten years.
      const ahead = /Expiry|Next/.test(field.name);
      const offset = hash32(h, 4) % (ahead ? 730 : 3650);
      return isoFromDay(ahead ? todayDay + 1 + offset : todayDay - offset);
    }
    case 'list':
      return field.options[hash32(h, 5) % field.options.length] ?? null;
    case 'checkbox':
      return hash32(h, 6) % 2 === 0 ? 'yes' : 'no';
    case 'currency':
      return currencyValue(field, h);
  }
}
