/**
 * v1 absences: `GET /company/time-offs` (periods of the day-based types only, as its spec says —
 * the sandbox keeps every type in days, counting the synthetic company's hour-based ones at 8
 * hours a day;
 * `employees[]`, `start_date`/`end_date` inclusive; `limit` default 200 and `offset` a **page
 * number** — the spec's own quirk, unlike the employee list's item offset), the time-off types,
 * and `GET /company/employees/{id}/absences/balance`. Sandbox choices: `limit` above 200 is a
 * 400 (no maximum is published); requested periods are `pending`, denied ones `rejected`,
 * cancelled ones `cancelled`, and superseded ones are not served.
 */
import type { Hono } from 'hono';
import type { Person, TimeOffRequest, TimeOffType } from '../../company/types.js';
import type { PersonioEnv } from '../env.js';
import { type Json, type PersonioProjection, shortEmployee, v1Date } from '../project.js';
import { v1Error } from '../respond.js';

export interface AbsenceRouteOptions {
  readonly view: PersonioProjection;
}

const STATUS: Partial<Record<TimeOffRequest['status'], string>> = {
  approved: 'approved',
  requested: 'pending',
  denied: 'rejected',
  canceled: 'cancelled',
};

const CATEGORY: Record<string, string> = {
  Vacation: 'paid_vacation',
  Sick: 'sick_leave',
};

export const timeOffCategory = (type: TimeOffType) => CATEGORY[type.name] ?? 'other';

function timeOffType(type: TimeOffType): Json {
  return {
    type: 'TimeOffType',
    attributes: { id: type.id, name: type.name, category: timeOffCategory(type) },
  };
}

function period(person: Person, request: TimeOffRequest, type: TimeOffType, status: string): Json {
  const days = inDays(
    type,
    Object.values(request.dates).reduce((sum, amount) => sum + amount, 0),
  );
  return {
    type: 'TimeOffPeriod',
    attributes: {
      id: request.id,
      status,
      start_date: v1Date(request.start),
      end_date: v1Date(request.end),
      days_count: days,
      half_day_start: false,
      half_day_end: false,
      time_off_type: timeOffType(type),
      employee: shortEmployee(person),
      certificate: { status: 'not-required' },
      created_at: v1Date(request.created),
      created_by: 'API',
      updated_at: v1Date(request.statusChanged),
    },
  };
}

/** Hours of a type the synthetic company counts in hours, as Personio's days (8 hours a day). */
export const inDays = (type: TimeOffType, amount: number) =>
  type.units === 'hours' ? Math.round((amount / 8) * 100) / 100 : amount;

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function registerAbsenceRoutes(app: Hono<PersonioEnv>, { view }: AbsenceRouteOptions) {
  const { company } = view;
  const dayTypes = new Map(company.timeOffTypes.map((t) => [t.id, t]));

  app.get('/v1/company/time-off-types', (c) =>
    c.json({ success: true, data: company.timeOffTypes.map(timeOffType) }),
  );

  app.get('/v1/company/time-offs', (c) => {
    const start = c.req.query('start_date');
    const end = c.req.query('end_date');
    if ((start !== undefined && !isDate(start)) || (end !== undefined && !isDate(end))) {
      return v1Error(c, 400, 'start_date and end_date must be dates (YYYY-MM-DD)');
    }
    const limitText = c.req.query('limit') ?? '200';
    const pageText = c.req.query('offset') ?? '0';
    if (!/^\d{1,4}$/.test(limitText) || !/^\d{1,9}$/.test(pageText)) {
      return v1Error(c, 400, 'limit and offset must be whole numbers');
    }
    const limit = Number(limitText);
    if (limit < 1 || limit > 200) return v1Error(c, 400, 'limit must be from 1 to 200');
    const ids = c.req.queries('employees[]');
    if (ids?.some((id) => !/^\d{1,9}$/.test(id))) {
      return v1Error(c, 400, 'employees[] must be employee ids');
    }
    const people = ids
      ? [...new Set(ids)].flatMap((id) => company.person(Number(id)) ?? [])
      : company.people;
    const rows: Json[] = [];
    for (const person of [...people].sort((a, b) => a.id - b.id)) {
      for (const request of person.timeOffRequests) {
        const type = dayTypes.get(request.typeId);
        const status = STATUS[request.status];
        if (!type || !status) continue;
        if (start !== undefined && request.end < start) continue;
        if (end !== undefined && request.start > end) continue;
        rows.push(period(person, request, type, status));
      }
    }
    const page = Number(pageText);
    return c.json({
      success: true,
      metadata: {
        total_elements: rows.length,
        current_page: page,
        total_pages: Math.ceil(rows.length / limit),
      },
      offset: page,
      limit,
      data: rows.slice(page * limit, (page + 1) * limit),
    });
  });

  app.get('/v1/company/employees/:employee_id{[0-9]+}/absences/balance', (c) => {
    const person = company.person(Number(c.req.param('employee_id')));
    if (!person) return v1Error(c, 404, 'Employee not found');
    return c.json({
      success: true,
      data: company.timeOffTypes.map((type) => {
        const balance = company.timeOffBalance(person, type);
        return {
          id: type.id,
          name: type.name,
          category: timeOffCategory(type),
          balance: inDays(type, Number(balance.balance)),
          available_balance: inDays(type, Number(balance.balance)),
        };
      }),
    });
  });
}
