/**
 * Per-employee reads: jobs and compensations, terminations, home addresses and custom fields.
 * Rate fields and the compensation endpoints need compensations:read (spec).
 */
import type { Context, Hono } from 'hono';
import type { GustoEnv } from '../env.js';
import { parseGustoUuid } from '../ids.js';
import { ParameterError, pageOf, parsePaging, withParameters } from '../list-query.js';
import { requireScope } from '../middleware.js';
import { projectEmployeeCustomFields } from '../project/custom-fields.js';
import { homeAddress, terminationsOf } from '../project/employee.js';
import { projectCompensation, projectJob } from '../project/jobs.js';
import { primaryId } from '../project/view.js';
import { notFound } from '../respond.js';
import { type RouteDeps, withPay } from './deps.js';

/** The jobs routes' `include` takes the one value `all_compensations` (spec enum). */
function allCompensations(c: Context<GustoEnv>): boolean {
  const include = c.req.query('include');
  if (include === undefined) return false;
  if (include !== 'all_compensations')
    throw new ParameterError('include', 'include must be all_compensations');
  return true;
}

export function registerPeopleRoutes(app: Hono<GustoEnv>, deps: RouteDeps): void {
  const { view } = deps;
  const personOf = (c: Context<GustoEnv>, name: string) => view.person(c.req.param(name) ?? '');
  const jobOwner = (c: Context<GustoEnv>) => {
    const id = primaryId('job', c.req.param('job_id') ?? '');
    return id === null ? undefined : view.company.person(id);
  };

  app.get('/v1/employees/:employee_id/jobs', requireScope('jobs:read'), function listJobs(c) {
    const person = personOf(c, 'employee_id');
    if (!person) return notFound(c);
    return withParameters(c, () => {
      const how = { withPay: withPay(c), allCompensations: allCompensations(c) };
      const paging = parsePaging(c, deps.paging);
      return c.json(pageOf(c, [projectJob(view, person, how)], paging));
    });
  });

  app.get('/v1/jobs/:job_id', requireScope('jobs:read'), function getJob(c) {
    const person = jobOwner(c);
    if (!person) return notFound(c);
    return withParameters(c, () =>
      c.json(
        projectJob(view, person, { withPay: withPay(c), allCompensations: allCompensations(c) }),
      ),
    );
  });

  app.get(
    '/v1/jobs/:job_id/compensations',
    requireScope('compensations:read'),
    function listCompensations(c) {
      const person = jobOwner(c);
      if (!person) return notFound(c);
      return withParameters(c, () => {
        const all = allCompensations(c);
        const paging = parsePaging(c, deps.paging);
        const current = person.compensationHistory.indexOf(
          view.company.currentCompensation(person),
        );
        const indexes = all ? person.compensationHistory.map((_, index) => index) : [current];
        const rows = indexes.map((index) => projectCompensation(view, person, index));
        return c.json(pageOf(c, rows, paging));
      });
    },
  );

  app.get(
    '/v1/compensations/:compensation_id',
    requireScope('compensations:read'),
    function getCompensation(c) {
      const parsed = parseGustoUuid('compensation', c.req.param('compensation_id'));
      const person = parsed ? view.company.person(parsed.primary) : undefined;
      if (!parsed || !person || parsed.secondary >= person.compensationHistory.length)
        return notFound(c);
      return c.json(projectCompensation(view, person, parsed.secondary));
    },
  );

  app.get(
    '/v1/employees/:employee_id/terminations',
    requireScope('employments:read'),
    function listTerminations(c) {
      const person = personOf(c, 'employee_id');
      return person ? c.json(terminationsOf(view, person)) : notFound(c);
    },
  );

  app.get(
    '/v1/employees/:employee_id/home_addresses',
    requireScope('employees:read'),
    function listHomeAddresses(c) {
      const person = personOf(c, 'employee_id');
      return person ? c.json([homeAddress(person)]) : notFound(c);
    },
  );

  app.get(
    '/v1/home_addresses/:home_address_uuid',
    requireScope('employees:read'),
    function getHomeAddress(c) {
      const id = primaryId('homeAddress', c.req.param('home_address_uuid'));
      const person = id === null ? undefined : view.company.person(id);
      return person ? c.json(homeAddress(person)) : notFound(c);
    },
  );

  app.get(
    '/v1/employees/:employee_id/custom_fields',
    requireScope('employees:read'),
    function listEmployeeCustomFields(c) {
      const person = personOf(c, 'employee_id');
      if (!person) return notFound(c);
      return withParameters(c, () => {
        const paging = parsePaging(c, deps.paging);
        const fields = projectEmployeeCustomFields(view, person);
        return c.json({ custom_fields: pageOf(c, fields, paging) });
      });
    },
  );
}
