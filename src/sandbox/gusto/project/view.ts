/**
 * The Gusto view of one synthetic company: its UUID, the custom-field subset Gusto carries, and
 * lazily built indexes. Records are projected per request (see employee.ts), never stored.
 */
import type {
  CustomFieldDef,
  Department,
  JobTitle,
  Location,
  Person,
  SyntheticCompany,
} from '../../company/types.js';
import { gustoCompanyUuid, parseGustoUuid, personIdFromGustoUuid } from '../ids.js';

export interface GustoView {
  readonly company: SyntheticCompany;
  readonly companyUuid: string;
  /** The custom fields Gusto knows: the first `customFieldLimit` definitions. */
  readonly customFields: readonly CustomFieldDef[];
  /** The primary admin who authorizes apps (person 1, the CEO). */
  readonly adminId: number;
  person(employeeUuid: string): Person | undefined;
  department(id: number): Department | undefined;
  location(id: number): Location | undefined;
  jobTitle(id: number): JobTitle | undefined;
  /** Person ids per department id, built once on first use. */
  departmentMembers(departmentId: number): readonly number[];
}

export interface GustoViewOptions {
  /** @default 25 */
  customFieldLimit?: number;
}

export function createGustoView(
  company: SyntheticCompany,
  options: GustoViewOptions = {},
): GustoView {
  const { customFieldLimit = 25 } = options;
  let members: Map<number, number[]> | null = null;
  const departments = new Map(company.departments.map((unit) => [unit.id, unit]));
  const locations = new Map(company.locations.map((unit) => [unit.id, unit]));
  const titles = new Map(company.jobTitles.map((unit) => [unit.id, unit]));

  function buildMembers(): Map<number, number[]> {
    const map = new Map<number, number[]>();
    for (const person of company.people) {
      const departmentId = company.currentJob(person).departmentId;
      const list = map.get(departmentId) ?? [];
      list.push(person.id);
      map.set(departmentId, list);
    }
    return map;
  }

  return {
    company,
    companyUuid: gustoCompanyUuid(company),
    customFields: company.customFields.slice(0, customFieldLimit),
    adminId: 1,
    person(employeeUuid) {
      const id = personIdFromGustoUuid(employeeUuid);
      return id === null ? undefined : company.person(id);
    },
    department: (id) => departments.get(id),
    location: (id) => locations.get(id),
    jobTitle: (id) => titles.get(id),
    departmentMembers(departmentId) {
      members ??= buildMembers();
      return members.get(departmentId) ?? [];
    },
  };
}

/** The id behind a UUID of a kind whose secondary part is always 0, or null. */
export function primaryId(kind: Parameters<typeof parseGustoUuid>[0], uuid: string): number | null {
  const parsed = parseGustoUuid(kind, uuid);
  return parsed && parsed.secondary === 0 ? parsed.primary : null;
}
