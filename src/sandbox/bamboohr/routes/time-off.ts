/**
 * Time off (reference §4): requests, who's out, types, policies and balances. All of them answer
 * XML unless the client accepts JSON; bad dates are a 400 with the message in the error header.
 */
import type { Context, Hono } from 'hono';
import type { Person } from '../../company/types.js';
import type { SandboxEnv } from '../env.js';
import { legacyError, negotiate, problem, wantsJson } from '../respond.js';
import {
  employeePolicies,
  timeOffBalances,
  timeOffPolicies,
  timeOffTypes,
} from './time-off/policies.js';
import { listTimeOffRequests } from './time-off/requests.js';
import { whosOut } from './time-off/whos-out.js';
import { balancesXml, policiesXml, requestsXml, typesXml, whosOutXml } from './time-off/xml.js';

type Ctx = Context<SandboxEnv>;

/** The employee named by `:employeeId`, or undefined for a malformed or unknown id. */
function employeeParam(c: Ctx): Person | undefined {
  const raw = c.req.param('employeeId') ?? '';
  if (!/^\d+$/.test(raw)) return undefined;
  return c.var.company.data.person(Number(raw));
}

export function registerTimeOffRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/time_off/requests', function listRequests(c) {
    const q = c.req.query();
    const result = listTimeOffRequests(c.var.company.data, c.var.principal, {
      start: q.start,
      end: q.end,
      id: q.id,
      action: q.action,
      employeeId: q.employeeId,
      type: q.type,
      status: q.status,
      excludeNote: q.excludeNote,
    });
    if (!result.ok) return legacyError(c, 400, result.message);
    return negotiate(c, result.requests, () => requestsXml(result.requests));
  });

  api.get('/v1/time_off/whos_out', function listWhosOut(c) {
    const result = whosOut(c.var.company.data, c.req.query('start'), c.req.query('end'));
    if (!result.ok) return legacyError(c, 400, result.message);
    return negotiate(c, result.entries, () => whosOutXml(result.entries));
  });

  // `mode=request` narrows to types the caller may request: every type in the sandbox.
  api.get('/v1/meta/time_off/types', function listTypes(c) {
    const body = timeOffTypes(c.var.company.data);
    return negotiate(c, body, () => typesXml(body));
  });

  api.get('/v1/meta/time_off/policies', function listPolicies(c) {
    const body = timeOffPolicies(c.var.company.data);
    return negotiate(c, body, () => policiesXml(body));
  });

  api.get('/v1/employees/:employeeId/time_off/policies', function listEmployeePolicies(c) {
    const person = employeeParam(c);
    if (!person) return legacyError(c, 404, 'Employee not found');
    const body = employeePolicies(c.var.company.data, person);
    return c.json(body);
  });

  api.get('/v1/employees/:employeeId/time_off/calculator', function calculateBalances(c) {
    const person = employeeParam(c);
    if (!person) {
      if (!wantsJson(c)) return legacyError(c, 404, 'Employee not found');
      // The spec declares this ProblemDetailsResponse as application/json, not problem+json.
      return problem(
        c,
        404,
        { title: 'Not Found', detail: 'Employee not found' },
        'application/json',
      );
    }
    const company = c.var.company.data;
    const result = timeOffBalances(company, person, c.req.query('end'), c.req.query('precision'));
    if (!result.ok) return legacyError(c, 400, result.message);
    return negotiate(c, result.balances, () => balancesXml(result.balances));
  });
}
