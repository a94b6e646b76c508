/**
 * The employee fields the sandbox's Bob keeps: each one's field id (its path in
 * `POST /people/search`'s `fields`, and in `GET /company/people/fields`), its category, name and
 * type, and its value for a synthetic person in machine format (list fields hold list item ids).
 * Custom fields sit in one custom category, `category_<n>.field_<id>`, as Bob names custom
 * fields by category and field id.
 */
import type { CustomFieldDef, Person, SyntheticCompany } from '../company/types.js';
import { departmentItemId, hibobCompanyId, hibobEmployeeId, siteItemId } from './ids.js';

export interface BobField {
  /** `root.firstName`, `work.title`, `category_1700000000001.field_5003`. */
  readonly id: string;
  readonly category: string;
  readonly categoryDisplayName: string;
  readonly name: string;
  readonly type: string;
  /** The named list a list field's values come from. */
  readonly listId?: string;
  readonly historical: boolean;
  /** Machine-format value; undefined when the person has none. */
  value(person: Person): unknown;
}

export const CUSTOM_CATEGORY = 'category_1700000000001';

/** The categories `fields` takes when none is named (spec: root, about, employment, work). */
export const DEFAULT_CATEGORIES = ['root', 'about', 'employment', 'work'];

const categoryNames: Record<string, string> = {
  root: 'Basic info',
  work: 'Work',
  internal: 'Internal',
  about: 'About',
  [CUSTOM_CATEGORY]: 'Custom',
};

function field(
  id: string,
  name: string,
  type: string,
  value: (person: Person) => unknown,
  extra: { listId?: string; historical?: boolean } = {},
): Omit<BobField, 'value'> & { value(person: Person): unknown } {
  const category = id.slice(0, id.indexOf('.'));
  return {
    id,
    category,
    categoryDisplayName: categoryNames[category] ?? category,
    name,
    type,
    historical: extra.historical ?? false,
    ...(extra.listId ? { listId: extra.listId } : {}),
    value,
  };
}

const orNone = <T>(value: T | null): T | undefined => value ?? undefined;

function standardFields(company: SyntheticCompany): BobField[] {
  const job = (p: Person) => company.currentJob(p);
  const title = (p: Person) => company.jobTitles.find((t) => t.id === job(p).jobTitleId)?.name;
  const location = (p: Person) => company.locations.find((l) => l.id === job(p).locationId);
  const manager = (p: Person) => {
    const id = job(p).managerId;
    return id === null ? undefined : company.person(id);
  };
  const displayName = (p: Person) => `${p.preferredName ?? p.firstName} ${p.lastName}`;
  return [
    field('root.id', 'Employee ID', 'text', (p) => hibobEmployeeId(p.id)),
    field('root.companyId', 'Company ID', 'number', () => hibobCompanyId(company.seed)),
    field('root.firstName', 'First name', 'text', (p) => p.firstName),
    field('root.secondName', 'Middle name', 'text', (p) => orNone(p.middleName)),
    field('root.surname', 'Last name', 'text', (p) => p.lastName),
    field('root.displayName', 'Display name', 'text', displayName),
    field('root.fullName', 'Full name', 'text', (p) => `${p.firstName} ${p.lastName}`),
    field('root.email', 'Email', 'text', (p) => p.workEmail),
    // Nobody in the synthetic company has uploaded a picture.
    field('root.avatarUrl', 'Avatar', 'url', () => undefined),
    field('root.creationDateTime', 'Creation date', 'date-time', (p) => p.created),
    field('work.title', 'Job title', 'text', title, { historical: true }),
    field(
      'work.department',
      'Department',
      'list',
      (p) => String(departmentItemId(job(p).departmentId)),
      {
        listId: 'department',
        historical: true,
      },
    ),
    field('work.site', 'Site', 'text', (p) => location(p)?.name, { historical: true }),
    field('work.siteId', 'Site ID', 'list', (p) => siteItemId(job(p).locationId), {
      listId: 'site',
      historical: true,
    }),
    field(
      'work.reportsTo',
      'Reports to',
      'employee-reference',
      (p) => {
        const m = manager(p);
        return m
          ? {
              id: hibobEmployeeId(m.id),
              email: m.workEmail,
              firstName: m.firstName,
              surname: m.lastName,
              displayName: displayName(m),
            }
          : undefined;
      },
      { historical: true },
    ),
    field('work.startDate', 'Start date', 'date', (p) => p.hireDate),
    field('work.originalStartDate', 'Original start date', 'date', (p) => p.originalHireDate),
    field(
      'work.employeeIdInCompany',
      'Employee number',
      'number',
      (p) => Number(p.employeeNumber.replace(/\D/g, '')) || undefined,
    ),
    field('work.workPhone', 'Work phone', 'text', (p) => orNone(p.workPhone)),
    field('work.workMobile', 'Work mobile', 'text', (p) => orNone(p.mobilePhone)),
    field('internal.status', 'Status', 'text', (p) => p.status),
    field('internal.lifecycleStatus', 'Lifecycle status', 'text', (p) =>
      p.status === 'Inactive' ? 'terminated' : 'employed',
    ),
    field('internal.terminationDate', 'Termination date', 'date', (p) => orNone(p.terminationDate)),
  ];
}

function customField(company: SyntheticCompany, def: CustomFieldDef): BobField {
  return field(`${CUSTOM_CATEGORY}.field_${def.id}`, def.name, def.type, (p) =>
    orNone(company.customValue(p, def)),
  );
}

/** Every field of the company, standard first, by id. */
export function bobFields(
  company: SyntheticCompany,
  customFieldLimit: number,
): Map<string, BobField> {
  const all = [
    ...standardFields(company),
    ...company.customFields.slice(0, customFieldLimit).map((def) => customField(company, def)),
  ];
  return new Map(all.map((f) => [f.id, f]));
}
