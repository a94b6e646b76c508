/**
 * The emergencyContacts table. The synthetic company has no contacts, so each person gets one or
 * two made up from a hash of (seed, person id): the same on every run, and cheap enough for
 * `/employees/all/tables/emergencyContacts` at 100,000 people.
 */
import type { Person, SyntheticCompany } from '../../../company/types.js';
import type { TableRow } from './rows.js';

const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Jordan',
  'Maria',
  'Wei',
  'Priya',
  'Tomás',
  'Aisha',
  'Noah',
  'Elena',
];
const RELATIONSHIPS = ['Spouse', 'Parent', 'Sibling', 'Friend', 'Partner'];

/** FNV-1a: a stable 32-bit hash, enough to pick from short lists. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function pick<T>(list: readonly T[], seed: number): T {
  return list[seed % list.length] as T;
}

function phone(seed: number): string {
  const digits = String(seed % 10_000_000).padStart(7, '0');
  return `555-${digits.slice(0, 3)}-${digits.slice(3)}`;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function emergencyContactRows(company: SyntheticCompany, person: Person): TableRow[] {
  const base = hash(`${company.seed}:${person.id}`);
  const count = 1 + (base % 2);
  const rows: TableRow[] = [];
  for (let n = 0; n < count; n++) {
    const h = hash(`${base}:${n}`);
    const relationship = pick(RELATIONSHIPS, h >>> 3);
    const family = relationship !== 'Friend';
    const firstName = pick(FIRST_NAMES, h >>> 7);
    const lastName = family
      ? person.lastName
      : pick(['Smith', 'Garcia', 'Chen', 'Okafor'], h >>> 11);
    rows.push({
      name: `${firstName} ${lastName}`,
      relationship,
      homePhone: n === 0 ? phone(h) : null,
      mobilePhone: phone(h >>> 5),
      email: `${slug(firstName)}.${slug(lastName)}@example.com`,
      // Family shares the home address; a friend's is not on file.
      addressLine1: family ? person.address.line1 : null,
      addressLine2: family ? person.address.line2 : null,
      city: family ? person.address.city : null,
      state: family ? person.address.state : null,
      zipcode: family ? person.address.zip : null,
      country: family ? person.address.country : null,
      rowId: String(person.id * 10 + n + 1),
    });
  }
  return rows;
}
