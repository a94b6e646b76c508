/** The synthetic company as the HiBob sandbox serves it: its fields, people by Bob id, lists. */
import type { Person, SyntheticCompany } from '../company/types.js';
import { type BobField, bobFields } from './fields.js';
import { hibobEmployeeId, personIdFromHibobId } from './ids.js';

export interface HibobView {
  readonly company: SyntheticCompany;
  readonly fields: ReadonlyMap<string, BobField>;
  /** The person a Bob employee id names, or undefined. */
  person(id: string): Person | undefined;
  /** Everyone the service user sees, in Bob id order; active people only unless `inactive`. */
  people(inactive: boolean): readonly Person[];
  idOf(person: Person): string;
}

export function createHibobView(company: SyntheticCompany, customFieldLimit: number): HibobView {
  return {
    company,
    fields: bobFields(company, customFieldLimit),
    person(id) {
      const personId = personIdFromHibobId(id);
      return personId === null ? undefined : company.person(personId);
    },
    people: (inactive) =>
      inactive ? company.people : company.people.filter((p) => p.status === 'Active'),
    idOf: (person) => hibobEmployeeId(person.id),
  };
}
