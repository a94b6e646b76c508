/**
 * HiBob identifiers. Bob names an employee by a 19-digit number written as a string
 * (`3332883884017713238`); the sandbox derives one from the synthetic person id so tests can
 * compute expectations and the inverse is O(1): `3` followed by the person id on 18 digits.
 * Named-list items and table entries are integers; the company id is a number too.
 */

const PREFIX = '3';
const DIGITS = 18;
const PATTERN = /^3(\d{18})$/;

export function hibobEmployeeId(personId: number): string {
  return `${PREFIX}${String(personId).padStart(DIGITS, '0')}`;
}

/** The synthetic person id behind a HiBob employee id, or null for anything else. */
export function personIdFromHibobId(id: string): number | null {
  const match = PATTERN.exec(id);
  if (!match) return null;
  const person = Number(match[1]);
  return Number.isSafeInteger(person) && person > 0 ? person : null;
}

/** The company id Bob shows for a synthetic company (a number, stable per seed). */
export const hibobCompanyId = (seed: number) => 600_000 + seed;

/** Named-list item ids: departments and sites keep apart by range. */
export const departmentItemId = (departmentId: number) => 1_000_000 + departmentId;
export const siteItemId = (locationId: number) => 2_000_000 + locationId;

/** Table entry ids: one range per table, the person and the row's index within it. */
export function entryId(
  table: 'work' | 'employment' | 'salaries' | 'lifecycle',
  personId: number,
  row: number,
) {
  const base = { work: 1, employment: 2, salaries: 3, lifecycle: 4 }[table];
  return base * 1_000_000_000 + personId * 100 + row;
}
