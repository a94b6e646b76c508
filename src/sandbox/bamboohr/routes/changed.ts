/**
 * GET /v1/employees/changed?since=&type= (spec get-changed-employee-ids, reference §2.4): a map
 * keyed by employee id of everyone whose record changed at or after `since`. The synthetic
 * company never deletes anyone, so `Deleted` never appears; a person created at or after
 * `since` is `Inserted`, anyone else changed since then is `Updated`. A termination is a change
 * to the employmentStatus table, which the generator already folds into `lastChanged`.
 */
import type { Hono } from 'hono';
import type { Person, SyntheticCompany } from '../../company/types.js';
import type { SandboxEnv } from '../env.js';
import { legacyError, negotiate } from '../respond.js';
import { formatTimestamp, parseSince } from './changed/since.js';

type Action = 'Inserted' | 'Updated' | 'Deleted';

interface ChangedEntry {
  id: string;
  action: Action;
  lastChanged: string;
}

const TYPES: Record<string, Action | null> = {
  inserted: 'Inserted',
  updated: 'Updated',
  deleted: 'Deleted',
  all: null,
};

function lastChangedOf(person: Person): number {
  return Math.max(Date.parse(person.lastChanged), Date.parse(person.created));
}

export function changedEmployees(company: SyntheticCompany, since: number, only: Action | null) {
  const employees: Record<string, ChangedEntry> = {};
  let latest = since;
  for (const person of company.people) {
    const changed = lastChangedOf(person);
    if (changed < since) continue;
    const action: Action = Date.parse(person.created) >= since ? 'Inserted' : 'Updated';
    if (only !== null && action !== only) continue;
    employees[String(person.id)] = {
      id: String(person.id),
      action,
      lastChanged: formatTimestamp(changed),
    };
    latest = Math.max(latest, changed);
  }
  // With nothing changed, `latest` (required by the spec) echoes `since`.
  return { latest: formatTimestamp(latest), employees };
}

export function registerChangedRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/employees/changed', function listChanged(c) {
    const since = parseSince(c.req.query('since'));
    if (since === undefined) return legacyError(c, 400, 'Invalid or missing since parameter');
    const type = c.req.query('type');
    const only = type === undefined ? null : TYPES[type];
    if (only === undefined) return legacyError(c, 400, `Invalid type: ${type}`);
    const body = changedEmployees(c.var.company.data, since, only);
    return negotiate(c, body, function changedXml() {
      return {
        employees: {
          '@_latest': body.latest,
          employee: Object.values(body.employees).map((e) => ({
            '@_id': e.id,
            '@_action': e.action,
            '@_lastChanged': e.lastChanged,
          })),
        },
      };
    });
  });
}
