/**
 * The fewest provider calls a query can cost, computed from the company's data and a provider's
 * published limits alone (never from the planner): the page call; one batch of reads by id for
 * every record that lacks a field the page could not carry (the page's own fields; the managers'
 * fields, which a page carries too when it can carry all of them, so managers on the page then
 * cost nothing); and, for `directReports`, the lists filtered by manager (or, without that filter,
 * the reads of the reports the account's org index names).
 */
import type { EmployeeField } from '../../src/core/model.js';
import type { Person, SyntheticCompany } from '../../src/sandbox/company/types.js';
import type { PublishedLimits } from './kit.js';

/** What one query of the matrix asks of a page. */
export interface Shape {
  /** Fields of every node. */
  readonly page: readonly EmployeeField[];
  /** Fields of every node's manager (`manager { … }`); empty: no manager asked. */
  readonly manager: readonly EmployeeField[];
  /** Fields of every node's direct reports; null: no `directReports`. */
  readonly reports: readonly EmployeeField[] | null;
}

/** Calls for `count` items at `limit` a call (at least one: a limit may be unbounded). */
const ceil = (count: number, limit: number) => Math.max(1, Math.ceil(count / limit));

/** One read batch for these demands: ids × fields over the per-call limits. */
function readCalls(
  limits: PublishedLimits,
  demands: ReadonlyMap<number, readonly EmployeeField[]>,
) {
  const ids = [...demands].filter(([, fields]) => fields.length > 0);
  if (ids.length === 0) return 0;
  const fields = new Set(ids.flatMap(([, f]) => f));
  return ceil(ids.length, limits.idsPerRead) * ceil(fields.size, limits.fieldsPerRead);
}

const managerOf = (company: SyntheticCompany, person: Person) =>
  company.currentJob(person).managerId;

/** The page's managers: those on the page and those off it (by company id). */
export function managersOf(company: SyntheticCompany, page: readonly Person[]) {
  const onPage = new Set(page.map((p) => p.id));
  const managers = [
    ...new Set(page.map((p) => managerOf(company, p)).filter((id): id is number => id !== null)),
  ];
  return {
    on: managers.filter((id) => onPage.has(id)),
    off: managers.filter((id) => !onPage.has(id)),
  };
}

/** The people whose current manager is one of `managers`. */
export function reportsOf(company: SyntheticCompany, managers: readonly number[]) {
  const asked = new Set(managers);
  return company.people.filter((p) => {
    const manager = managerOf(company, p);
    return manager !== null && asked.has(manager);
  });
}

/** The fields of a shape the provider supplies: the others are null at no cost. */
function supplied(shape: Shape, unsupplied: readonly EmployeeField[]): Shape {
  const keep = (fields: readonly EmployeeField[]) => fields.filter((f) => !unsupplied.includes(f));
  // Without a manager, the managers' fields are null too.
  return {
    page: keep(shape.manager.length > 0 ? [...shape.page, 'manager'] : shape.page),
    manager: unsupplied.includes('manager') ? [] : keep(shape.manager),
    reports: shape.reports && keep(shape.reports),
  };
}

export function minimumCalls(
  company: SyntheticCompany,
  limits: PublishedLimits,
  unsupplied: readonly EmployeeField[],
  page: readonly Person[],
  asked: Shape,
): number {
  const shape = supplied(asked, unsupplied);
  const own = shape.page;
  const missing = own.filter((field) => !limits.pageCarries(field));
  const widened = shape.manager.length > 0 && shape.manager.every(limits.pageCarries);
  const onPage = new Set([...own.filter(limits.pageCarries), ...(widened ? shape.manager : [])]);
  const demands = new Map<number, EmployeeField[]>(page.map((p) => [p.id, missing]));
  const managers = managersOf(company, page);
  for (const id of managers.on) {
    const lacks = shape.manager.filter((field) => !onPage.has(field));
    demands.set(id, [...new Set([...(demands.get(id) ?? []), ...lacks])]);
  }
  for (const id of managers.off) demands.set(id, [...shape.manager]);
  const carried = new Set(own.filter(limits.pageCarries));
  return (
    1 + readCalls(limits, demands) + reportsCalls(company, limits, page, carried, shape.reports)
  );
}

function reportsCalls(
  company: SyntheticCompany,
  limits: PublishedLimits,
  page: readonly Person[],
  carried: ReadonlySet<EmployeeField>,
  fields: readonly EmployeeField[] | null,
): number {
  if (fields === null) return 0;
  const reportFields = (reports: readonly Person[], lacking: readonly EmployeeField[]) =>
    readCalls(limits, new Map(reports.map((p) => [p.id, lacking])));
  if (limits.managersPerList === null) {
    // The org index is warm (kept per account): only the fields the reports lack are read, and a
    // report on the page has what the page carried.
    const onPage = new Set(page.map((p) => p.id));
    const lacking = (report: Person) =>
      fields.filter((field) => !(onPage.has(report.id) && carried.has(field)));
    return readCalls(
      limits,
      new Map(reportsOf(company, [...onPage]).map((report) => [report.id, lacking(report)])),
    );
  }
  let calls = 0;
  for (let at = 0; at < page.length; at += limits.managersPerList) {
    const chunk = page.slice(at, at + limits.managersPerList).map((p) => p.id);
    const reports = reportsOf(company, chunk);
    calls += ceil(reports.length, limits.maxPageSize);
    calls += reportFields(
      reports,
      fields.filter((field) => !limits.reportsCarry(field)),
    );
  }
  return calls;
}
