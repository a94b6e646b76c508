/** Time-off policies (with members and balances) and an employee's time-off activities. */
import type { Hono } from 'hono';
import type { GustoEnv } from '../env.js';
import { requireScope } from '../middleware.js';
import { ACTIVITY_TYPES, projectActivities, projectPolicy } from '../project/time-off.js';
import { primaryId } from '../project/view.js';
import { badParameter, missingParameter, notFound } from '../respond.js';
import type { RouteDeps } from './deps.js';

export function registerTimeOffRoutes(app: Hono<GustoEnv>, deps: RouteDeps): void {
  const { view } = deps;

  app.get(
    '/v1/companies/:company_uuid/time_off_policies',
    requireScope('time_off_policies:read'),
    function listPolicies(c) {
      if (c.req.param('company_uuid') !== view.companyUuid) return notFound(c);
      return c.json(view.company.timeOffTypes.map((type) => projectPolicy(view, type)));
    },
  );

  app.get(
    '/v1/time_off_policies/:time_off_policy_uuid',
    requireScope('time_off_policies:read'),
    function getPolicy(c) {
      const id = primaryId('timeOffPolicy', c.req.param('time_off_policy_uuid'));
      const type = view.company.timeOffTypes.find((candidate) => candidate.id === id);
      return type ? c.json(projectPolicy(view, type)) : notFound(c);
    },
  );

  /**
   * `time_off_type` is required and, per the activity schema's enum, `vacation` or `sick`; other
   * values are 422 (a sandbox choice). The body is an array, as the spec's example shows, although
   * its schema says a single object (documented in the conformance test).
   */
  app.get(
    '/v1/employees/:employee_uuid/time_off_activities',
    requireScope('employee_time_off_activities:read'),
    function listActivities(c) {
      const person = view.person(c.req.param('employee_uuid'));
      if (!person) return notFound(c);
      const asked = c.req.query('time_off_type');
      if (!asked) return missingParameter(c, 'time_off_type');
      const typeName = ACTIVITY_TYPES[asked];
      const type = view.company.timeOffTypes.find((candidate) => candidate.name === typeName);
      if (!type) return badParameter(c, 'time_off_type', 'time_off_type must be vacation or sick');
      return c.json(projectActivities(view, person, type));
    },
  );
}
