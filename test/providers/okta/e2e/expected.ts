/**
 * What the synthetic company says an Okta-backed employee must look like: the truth the Okta
 * end-to-end tests check hrgraph's answers against.
 */
import type { Person, SyntheticCompany } from '../../../../src/sandbox/company/types.js';
import { oktaUserId, oktaUserStatus } from '../../../../src/sandbox/okta/index.js';

/** hrgraph's reading of Okta's user status (src/providers/okta/normalize.ts). */
export const employmentStatusOf: Readonly<Record<string, string>> = {
  ACTIVE: 'ACTIVE',
  LOCKED_OUT: 'ACTIVE',
  PASSWORD_EXPIRED: 'ACTIVE',
  RECOVERY: 'ACTIVE',
  STAGED: 'PENDING',
  PROVISIONED: 'PENDING',
  SUSPENDED: 'LEAVE',
  DEPROVISIONED: 'INACTIVE',
};

export function expectedEmployee(company: SyntheticCompany, person: Person) {
  const job = company.currentJob(person);
  const status = oktaUserStatus(company, person);
  return {
    remoteId: oktaUserId(person.id),
    firstName: person.firstName,
    lastName: person.lastName,
    workEmail: person.workEmail,
    personalEmail: person.homeEmail,
    jobTitle: company.jobTitles.find((t) => t.id === job.jobTitleId)?.name ?? null,
    department: company.departments.find((d) => d.id === job.departmentId)?.name ?? null,
    division: company.divisions.find((d) => d.id === job.divisionId)?.name ?? null,
    manager: job.managerId === null ? null : oktaUserId(job.managerId),
    employmentStatus: employmentStatusOf[status],
    employmentStatusRaw: status,
    employeeNumber: person.employeeNumber,
  };
}

/** Person ids in Okta id order (the sandbox's ids sort as person ids do). */
export function peopleWhere(company: SyntheticCompany, keep: (person: Person) => boolean) {
  return company.people.filter(keep).map((person) => oktaUserId(person.id));
}
