/**
 * GET /v1/time_off/requests (spec list-time-off-requests, reference §4): requests that overlap
 * [start, end], narrowed by id, employeeId, type and status lists and by `action`.
 */
import type {
  Person,
  SyntheticCompany,
  TimeOffRequest,
  TimeOffType,
} from '../../../company/types.js';
import type { Principal } from '../../env.js';
import { isIsoDate } from '../changed/since.js';

export interface TimeOffRequestQuery {
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly id?: string | undefined;
  readonly action?: string | undefined;
  readonly employeeId?: string | undefined;
  readonly type?: string | undefined;
  readonly status?: string | undefined;
  readonly excludeNote?: string | undefined;
}

export interface TimeOffRequestJson {
  id: number;
  employeeId: number;
  name: string;
  start: string;
  end: string;
  created: string;
  status: { lastChanged: string; lastChangedByUserId: number; status: string };
  type: { id: number; name: string; icon: string };
  amount: { unit: 'hours' | 'days'; amount: number };
  actions: Record<'view' | 'edit' | 'cancel' | 'approve' | 'deny' | 'bypass', boolean>;
  dates: Record<string, number>;
  notes?: { employee?: string; manager?: string };
}

export type RequestsResult =
  | { readonly ok: true; readonly requests: TimeOffRequestJson[] }
  | { readonly ok: false; readonly message: string };

const ACTIONS = new Set(['view', 'approve', 'myRequests']);

function csv(value: string | undefined): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return value.split(',').map((part) => part.trim());
}

/** "Any truthy value" (spec): PHP truthiness, so '', '0' and 'false'-ish empties stay false. */
function truthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0';
}

export function displayName(person: Person): string {
  return `${person.preferredName ?? person.firstName} ${person.lastName}`;
}

function isManagerOf(company: SyntheticCompany, managerId: number, person: Person): boolean {
  return company.currentJob(person).managerId === managerId;
}

function toJson(
  company: SyntheticCompany,
  principal: Principal,
  person: Person,
  request: TimeOffRequest,
  type: TimeOffType,
  withNotes: boolean,
): TimeOffRequestJson {
  const own = person.id === principal.employeeId;
  const pending = request.status === 'requested';
  const approver = isManagerOf(company, principal.employeeId, person);
  const manager = company.currentJob(person).managerId;
  const json: TimeOffRequestJson = {
    id: request.id,
    employeeId: person.id,
    name: displayName(person),
    start: request.start,
    end: request.end,
    created: request.created,
    status: {
      lastChanged: request.statusChanged,
      // Users are keyed by employee id in the sandbox; the approver is the current manager.
      lastChangedByUserId: pending || manager === null ? person.id : manager,
      status: request.status,
    },
    type: { id: type.id, name: type.name, icon: type.icon },
    amount: { unit: type.units, amount: sumDates(request.dates) },
    actions: {
      view: true,
      edit: own && pending,
      cancel: own && (pending || request.status === 'approved'),
      approve: approver && pending,
      deny: approver && pending,
      bypass: false,
    },
    dates: { ...request.dates },
  };
  if (withNotes) {
    const notes: { employee?: string; manager?: string } = {};
    if (request.employeeNote !== null) notes.employee = request.employeeNote;
    if (request.managerNote !== null) notes.manager = request.managerNote;
    json.notes = notes;
  }
  return json;
}

function sumDates(dates: Readonly<Record<string, number>>): number {
  const total = Object.values(dates).reduce((sum, amount) => sum + amount, 0);
  return Math.round(total * 100) / 100;
}

export function listTimeOffRequests(
  company: SyntheticCompany,
  principal: Principal,
  query: TimeOffRequestQuery,
): RequestsResult {
  const { start, end } = query;
  if (!isIsoDate(start) || !isIsoDate(end)) {
    return { ok: false, message: 'start and end are required dates in YYYY-MM-DD format' };
  }
  const action = query.action ?? 'view';
  if (!ACTIONS.has(action)) return { ok: false, message: `Invalid action: ${action}` };
  const types = csv(query.type);
  const statuses = csv(query.status);
  const id = query.id === undefined ? undefined : Number(query.id);
  const employeeId = query.employeeId === undefined ? undefined : Number(query.employeeId);
  const typesById = new Map(company.timeOffTypes.map((t) => [t.id, t]));
  const withNotes = !truthy(query.excludeNote);

  const people =
    employeeId === undefined ? company.people : [company.person(employeeId)].filter(isPerson);
  const out: TimeOffRequestJson[] = [];
  for (const person of people) {
    if (action === 'myRequests' && person.id !== principal.employeeId) continue;
    if (action === 'approve' && !isManagerOf(company, principal.employeeId, person)) continue;
    for (const request of person.timeOffRequests) {
      if (request.end < start || request.start > end) continue;
      if (id !== undefined && request.id !== id) continue;
      if (types && !types.includes(String(request.typeId))) continue;
      if (statuses && !statuses.includes(request.status)) continue;
      if (action === 'approve' && request.status !== 'requested') continue;
      const type = typesById.get(request.typeId);
      if (type) out.push(toJson(company, principal, person, request, type, withNotes));
    }
  }
  return { ok: true, requests: out.sort(byStartThenId) };
}

function isPerson(person: Person | undefined): person is Person {
  return person !== undefined;
}

function byStartThenId(a: TimeOffRequestJson, b: TimeOffRequestJson): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id;
}
