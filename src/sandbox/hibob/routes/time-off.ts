/**
 * `GET /v1/timeoff/whosout?from&to`: every time-off request overlapping the dates, one entry per
 * request (`from` and `to` required dates, else 400; approved requests only unless
 * `includePending`). The spec formats `employeeId` as a uuid while every other read names
 * employees by their numeric id; the sandbox sends the numeric id, which is what a client can
 * join on (test/providers/hibob/conformance names the disagreement).
 */
import type { Hono } from 'hono';
import type { HibobEnv } from '../env.js';
import { badRequest } from '../respond.js';
import type { HibobView } from '../view.js';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function registerTimeOffRoutes(app: Hono<HibobEnv>, view: HibobView): void {
  app.get('/v1/timeoff/whosout', (c) => {
    const from = c.req.query('from');
    const to = c.req.query('to');
    if (!from || !to || !isoDate.test(from) || !isoDate.test(to) || from > to) {
      return badRequest(c, 'from and to must be dates (YYYY-MM-DD), from on or before to');
    }
    const pending = c.req.query('includePending') === 'true';
    const outs = [];
    for (const person of view.company.people) {
      for (const request of person.timeOffRequests) {
        if (request.end < from || request.start > to) continue;
        const approved = request.status === 'approved';
        if (!approved && !(pending && request.status === 'requested')) continue;
        const type = view.company.timeOffTypes.find((t) => t.id === request.typeId)!;
        outs.push({
          requestId: request.id,
          employeeId: view.idOf(person),
          employeeDisplayName: `${person.preferredName ?? person.firstName} ${person.lastName}`,
          policyType: type.name,
          policyTypeDisplayName: type.name,
          type: type.units === 'hours' ? 'hours' : 'days',
          startDate: request.start,
          startPortion: 'all_day',
          endDate: request.end,
          endPortion: 'all_day',
          status: approved ? 'approved' : 'pending',
          visibility: 'Public',
        });
      }
    }
    return c.json({ outs });
  });
}
