/**
 * Org units and groups of the synthetic company: one org unit per division (`/Division`) and per
 * department (`/Division/Department`), and one group per department (`dept-slug@domain`).
 */
import type { Department, SyntheticCompany } from '../company/types.js';
import { groupIdFor, orgUnitIdFor } from './ids.js';

export interface OrgUnitView {
  readonly orgUnitId: string;
  readonly orgUnitPath: string;
  readonly name: string;
  readonly description: string;
  readonly parentOrgUnitPath: string;
  readonly parentOrgUnitId: string;
}

export interface GroupView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly description: string;
  readonly department: Department;
}

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function buildOrgUnits(company: SyntheticCompany, customerId: string): OrgUnitView[] {
  const rootId = orgUnitIdFor('/', customerId);
  const units: OrgUnitView[] = [];
  for (const division of company.divisions) {
    const path = `/${division.name}`;
    const divisionId = orgUnitIdFor(path, customerId);
    units.push({
      orgUnitId: divisionId,
      orgUnitPath: path,
      name: division.name,
      description: `${division.name} division`,
      parentOrgUnitPath: '/',
      parentOrgUnitId: rootId,
    });
    for (const department of company.departments) {
      if (department.divisionId !== division.id) continue;
      const child = `${path}/${department.name}`;
      units.push({
        orgUnitId: orgUnitIdFor(child, customerId),
        orgUnitPath: child,
        name: department.name,
        description: `${department.name} department`,
        parentOrgUnitPath: path,
        parentOrgUnitId: divisionId,
      });
    }
  }
  return units;
}

/** Slugs that collide get the department id appended, so every group email is unique. */
export function buildGroups(company: SyntheticCompany, domain: string): GroupView[] {
  const seen = new Set<string>();
  return company.departments.map(function groupOf(department) {
    let slug = slugOf(department.name) || 'department';
    if (seen.has(slug)) slug = `${slug}-${department.id}`;
    seen.add(slug);
    const email = `${slug}@${domain}`;
    return {
      id: groupIdFor(email),
      email,
      name: department.name,
      description: `Everyone in ${department.name}`,
      department,
    };
  });
}
