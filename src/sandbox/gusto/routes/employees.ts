/** `GET /v1/companies/{company_id}/employees` and `GET /v1/employees/{employee_id}`. */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { GustoEnv } from '../env.js';
import { gustoEmployeeUuid, gustoUuid } from '../ids.js';
import {
  ParameterError,
  pageOf,
  parseBoolean,
  parseList,
  parsePaging,
  withParameters,
} from '../list-query.js';
import { requireScope } from '../middleware.js';
import {
  EMPLOYEE_INCLUDES,
  type EmployeeInclude,
  onboardingStatus,
  projectEmployee,
} from '../project/employee.js';
import type { GustoView } from '../project/view.js';
import { notFound } from '../respond.js';
import { type RouteDeps, withPay } from './deps.js';

const SORTS = ['created_at', 'name', 'onboarding_status'] as const;

export function parseInclude(c: Context<GustoEnv>): Set<EmployeeInclude> {
  const asked = parseList(c, 'include') ?? [];
  for (const value of asked) {
    if (!(EMPLOYEE_INCLUDES as readonly string[]).includes(value))
      throw new ParameterError('include', `include must be among ${EMPLOYEE_INCLUDES.join(', ')}`);
  }
  // all_compensations "Requires compensations:read"; without it the option changes nothing.
  return new Set(asked as EmployeeInclude[]);
}

interface Filters {
  search?: string;
  onboarded?: boolean;
  onboardedActive?: boolean;
  terminated?: boolean;
  terminatedToday?: boolean;
  uuids?: ReadonlySet<string>;
  locationUuid?: string;
  payrollUuid?: string;
}

function lastStatus(person: Person) {
  return person.statusHistory[person.statusHistory.length - 1]!;
}

function matches(view: GustoView, person: Person, f: Filters): boolean {
  const { today } = view.company;
  if (f.uuids && !f.uuids.has(gustoEmployeeUuid(person.id))) return false;
  // No payrolls are served, so no employee is on the named one (a sandbox choice).
  if (f.payrollUuid !== undefined) return false;
  if (f.locationUuid !== undefined) {
    const location = gustoUuid('location', view.company.currentJob(person).locationId);
    if (location !== f.locationUuid) return false;
  }
  const last = lastStatus(person);
  // "have been or are scheduled to be terminated": the latest status row ends employment.
  const terminated = last.status === 'Terminated';
  const terminatedToday = terminated && last.effectiveDate <= today;
  if (f.terminated !== undefined && f.terminated !== terminated) return false;
  if (f.terminatedToday !== undefined && f.terminatedToday !== terminatedToday) return false;
  if (f.onboarded !== undefined || f.onboardedActive !== undefined) {
    const onboarded = onboardingStatus(view, person) === 'onboarding_completed';
    if (f.onboarded !== undefined && f.onboarded !== onboarded) return false;
    const active = onboarded && !terminatedToday && person.hireDate <= today;
    if (f.onboardedActive !== undefined && f.onboardedActive !== active) return false;
  }
  if (f.search !== undefined) {
    // "A string to search for in the object's names": first, preferred and last names.
    const names = [person.firstName, person.preferredName ?? '', person.lastName];
    const haystack = `${names.join(' ')} ${person.firstName} ${person.lastName}`.toLowerCase();
    if (!haystack.includes(f.search)) return false;
  }
  return true;
}

function sorter(
  view: GustoView,
  sort: string | undefined,
): ((a: Person, b: Person) => number) | null {
  if (sort === 'name')
    return (a, b) =>
      a.lastName.localeCompare(b.lastName, 'en') ||
      a.firstName.localeCompare(b.firstName, 'en') ||
      a.id - b.id;
  if (sort === 'created_at') return (a, b) => a.created.localeCompare(b.created) || a.id - b.id;
  if (sort === 'onboarding_status')
    return (a, b) =>
      onboardingStatus(view, a).localeCompare(onboardingStatus(view, b)) || a.id - b.id;
  return null;
}

function readFilters(c: Context<GustoEnv>): Filters {
  const search = c.req.query('search_term');
  const uuids = parseList(c, 'uuids');
  return {
    ...(search ? { search: search.toLowerCase() } : {}),
    onboarded: parseBoolean(c, 'onboarded'),
    onboardedActive: parseBoolean(c, 'onboarded_active'),
    terminated: parseBoolean(c, 'terminated'),
    terminatedToday: parseBoolean(c, 'terminated_today'),
    ...(uuids ? { uuids: new Set(uuids) } : {}),
    locationUuid: c.req.query('location_uuid'),
    payrollUuid: c.req.query('payroll_uuid'),
  };
}

export function registerEmployeeRoutes(app: Hono<GustoEnv>, deps: RouteDeps): void {
  const { view } = deps;
  app.get(
    '/v1/companies/:company_id/employees',
    requireScope('employees:read'),
    function listEmployees(c) {
      if (c.req.param('company_id') !== view.companyUuid) return notFound(c);
      return withParameters(c, () => {
        const sort = c.req.query('sort_by');
        if (sort !== undefined && !(SORTS as readonly string[]).includes(sort))
          throw new ParameterError('sort_by', `sort_by must be one of ${SORTS.join(', ')}`);
        if (sort !== undefined && c.req.query('search_term'))
          throw new ParameterError('sort_by', 'sort_by cannot be used with search_term');
        const include = parseInclude(c);
        const filters = readFilters(c);
        const paging = parsePaging(c, deps.paging);
        // Default order: creation order of the people (their ids), a sandbox choice.
        const people = view.company.people.filter((person) => matches(view, person, filters));
        const compare = sorter(view, sort);
        if (compare) people.sort(compare);
        const how = { withPay: withPay(c), include };
        return c.json(
          pageOf(c, people, paging).map((person) => projectEmployee(view, person, how)),
        );
      });
    },
  );

  app.get('/v1/employees/:employee_id', requireScope('employees:read'), function getEmployee(c) {
    const person = view.person(c.req.param('employee_id'));
    if (!person) return notFound(c);
    return withParameters(c, () =>
      c.json(projectEmployee(view, person, { withPay: withPay(c), include: parseInclude(c) })),
    );
  });
}
