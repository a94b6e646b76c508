/**
 * The company as Google Workspace sees it: one user per person, keyed by Google id and primary
 * email; org units, groups and custom schemas. Users are projected per request (user-record.ts);
 * only the lookups and the sort orders are kept, so 100,000 people stay flat in memory.
 */
import type { Person, SyntheticCompany } from '../company/types.js';
import { buildSchemas, type SchemaView } from './custom-schemas.js';
import { customerIdFor, personIdFromGoogleUserId } from './ids.js';
import { buildGroups, buildOrgUnits, type GroupView, type OrgUnitView } from './org-structure.js';

export type OrderBy = 'email' | 'familyName' | 'givenName';

export interface Directory {
  readonly company: SyntheticCompany;
  /** The primary domain: the part of every work email after `@`. */
  readonly domain: string;
  readonly customerId: string;
  /** Person 1, the super admin the service account impersonates. */
  readonly admin: Person;
  readonly orgUnits: readonly OrgUnitView[];
  readonly groups: readonly GroupView[];
  readonly schemas: readonly SchemaView[];
  /** A user key is a Google user id or a primary email (case-insensitive). */
  personByKey(userKey: string): Person | undefined;
  isAdmin(person: Person): boolean;
  orgUnitPath(person: Person): string;
  groupOf(person: Person): GroupView | undefined;
  groupByKey(groupKey: string): GroupView | undefined;
  /** People of a group, by person id; built on first use per group. */
  members(group: GroupView): readonly Person[];
  /** Everyone in one order (ascending), built once per order; null keeps id order. */
  ordered(orderBy: OrderBy | null): readonly Person[];
}

function sortKey(person: Person, orderBy: OrderBy): string {
  if (orderBy === 'email') return person.workEmail.toLowerCase();
  return (orderBy === 'givenName' ? person.firstName : person.lastName).toLowerCase();
}

export function createDirectory(company: SyntheticCompany): Directory {
  const admin = company.person(1);
  if (!admin) throw new Error('createGoogleWorkspaceSandbox: the company has no person 1');
  const domain = admin.workEmail.slice(admin.workEmail.indexOf('@') + 1).toLowerCase();
  const customerId = customerIdFor(domain, company.seed);
  const orgUnits = buildOrgUnits(company, customerId);
  const groups = buildGroups(company, domain);
  const schemas = buildSchemas(company);
  const divisions = new Map(company.divisions.map((d) => [d.id, d.name]));
  const departments = new Map(company.departments.map((d) => [d.id, d]));
  const groupsByDepartment = new Map(groups.map((g) => [g.department.id, g]));
  const groupsByKey = new Map<string, GroupView>();
  for (const group of groups) {
    groupsByKey.set(group.email, group);
    groupsByKey.set(group.id, group);
  }
  let byEmail: Map<string, Person> | null = null;
  const orders = new Map<OrderBy, Person[]>();
  const memberLists = new Map<string, Person[]>();

  function emailIndex(): Map<string, Person> {
    byEmail ??= new Map(company.people.map((p) => [p.workEmail.toLowerCase(), p]));
    return byEmail;
  }

  return {
    company,
    domain,
    customerId,
    admin,
    orgUnits,
    groups,
    schemas,
    personByKey(userKey) {
      const id = personIdFromGoogleUserId(userKey);
      if (id !== null) return company.person(id);
      return emailIndex().get(userKey.toLowerCase());
    },
    isAdmin: (person) => person.id === admin.id,
    orgUnitPath(person) {
      const job = company.currentJob(person);
      const department = departments.get(job.departmentId);
      const division = divisions.get(department?.divisionId ?? job.divisionId);
      return department && division ? `/${division}/${department.name}` : '/';
    },
    groupOf: (person) => groupsByDepartment.get(company.currentJob(person).departmentId),
    groupByKey: (groupKey) => groupsByKey.get(groupKey.toLowerCase()) ?? groupsByKey.get(groupKey),
    members(group) {
      let list = memberLists.get(group.id);
      if (!list) {
        const departmentId = group.department.id;
        list = company.people.filter((p) => company.currentJob(p).departmentId === departmentId);
        memberLists.set(group.id, list);
      }
      return list;
    },
    ordered(orderBy) {
      if (orderBy === null) return company.people;
      let list = orders.get(orderBy);
      if (!list) {
        const keyed = company.people.map((p) => ({ p, key: sortKey(p, orderBy) }));
        // Ties fall back to the Google id order so a page boundary never splits them unstably.
        keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.p.id - b.p.id));
        list = keyed.map((entry) => entry.p);
        orders.set(orderBy, list);
      }
      return list;
    },
  };
}
