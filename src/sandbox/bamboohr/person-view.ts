/**
 * One person as BambooHR sees them: the current (or latest, with `onlyCurrent=false`) history
 * rows and the org units they point at, computed once per person however many fields are read.
 */
import type {
  CompensationRow,
  Department,
  JobRow,
  JobTitle,
  Location,
  OrgUnit,
  Person,
  StatusRow,
  SyntheticCompany,
} from '../company/types.js';

/** Id → org unit lookups for one company. */
export interface OrgIndex {
  department(id: number): Department | undefined;
  division(id: number): OrgUnit | undefined;
  location(id: number): Location | undefined;
  jobTitle(id: number): JobTitle | undefined;
}

export function createOrgIndex(company: SyntheticCompany): OrgIndex {
  const departments = new Map(company.departments.map((unit) => [unit.id, unit]));
  const divisions = new Map(company.divisions.map((unit) => [unit.id, unit]));
  const locations = new Map(company.locations.map((unit) => [unit.id, unit]));
  const jobTitles = new Map(company.jobTitles.map((unit) => [unit.id, unit]));
  return {
    department: (id) => departments.get(id),
    division: (id) => divisions.get(id),
    location: (id) => locations.get(id),
    jobTitle: (id) => jobTitles.get(id),
  };
}

export interface ViewOptions {
  /** false: the latest history rows even when future-dated (Get Employee `onlyCurrent`). @default true */
  onlyCurrent?: boolean;
}

export interface PersonView {
  readonly company: SyntheticCompany;
  readonly person: Person;
  readonly org: OrgIndex;
  readonly job: JobRow;
  readonly status: StatusRow;
  readonly comp: CompensationRow;
  readonly manager: Person | null;
}

/** Lazy: a field that needs only the name never computes the job row. */
export function viewPerson(
  company: SyntheticCompany,
  org: OrgIndex,
  person: Person,
  options: ViewOptions = {},
): PersonView {
  const latest = options.onlyCurrent === false;
  let job: JobRow | undefined;
  let status: StatusRow | undefined;
  let comp: CompensationRow | undefined;
  let manager: Person | null | undefined;
  return {
    company,
    person,
    org,
    get job() {
      job ??= latest
        ? last(person.jobHistory, company.currentJob(person))
        : company.currentJob(person);
      return job;
    },
    get status() {
      status ??= latest
        ? last(person.statusHistory, company.currentStatus(person))
        : company.currentStatus(person);
      return status;
    },
    get comp() {
      comp ??= latest
        ? last(person.compensationHistory, company.currentCompensation(person))
        : company.currentCompensation(person);
      return comp;
    },
    get manager() {
      if (manager === undefined) {
        const id = this.job.managerId;
        manager = id === null ? null : (company.person(id) ?? null);
      }
      return manager;
    },
  };
}

function last<T>(rows: readonly T[], fallback: T): T {
  return rows.length > 0 ? rows[rows.length - 1]! : fallback;
}

/** BambooHR's "employee" value: preferred (or first) name and last name. */
export function employeeRef(person: Person | null): string | null {
  return person ? `${person.preferredName ?? person.firstName} ${person.lastName}` : null;
}
