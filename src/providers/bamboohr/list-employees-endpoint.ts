/**
 * Paging employees through GET /v1/employees: BambooHR's own cursors (`page[after]`,
 * `page[before]`), its filters and sort, and the extra fields it can return in the same call.
 * The spec admits only OAuth tokens here.
 *
 * BambooHR can only start a page from a cursor it issued, so "the last N" is read as "the first N
 * in the opposite order", reversed. Such a page's cursors belong to the inverted order, and the
 * native cursors handed out here remember that.
 */

import type {
  CallContext,
  EmployeeOrderField,
  ListQuery,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { UpstreamResponse } from '../../http/index.js';
import type { BambooHrClient } from './client.js';
import { listEndpointBaseNames, listEndpointNames } from './fields.js';
import type { RawRecord } from './reads.js';
import { shapes } from './shapes.js';

interface NativeCursor {
  /** Whether the cursor belongs to the inverted sort. */
  readonly inv: boolean;
  readonly mode: 'after' | 'before';
  readonly c: string;
}

interface ListResponse {
  readonly data?: readonly RawRecord[];
  readonly meta?: {
    readonly total?: number;
    readonly page?: { readonly nextCursor?: string | null; readonly prevCursor?: string | null };
  };
}

const sortNames: Readonly<Record<EmployeeOrderField, string>> = {
  REMOTE_ID: 'employeeId',
  FIRST_NAME: 'firstName',
  LAST_NAME: 'lastName',
  JOB_TITLE: 'jobTitleName',
  STATUS: 'status',
};

const standardNameOf = new Map(Object.entries(listEndpointNames).map(([std, list]) => [list, std]));

export const listEndpointFilters = ['status', 'firstName', 'lastName', 'jobTitle', 'ids'] as const;

function encode(cursor: NativeCursor): string {
  return JSON.stringify(cursor);
}

export function decodeNative(native: string): NativeCursor | null {
  try {
    const value = JSON.parse(native) as Partial<NativeCursor>;
    if (
      typeof value.c === 'string' &&
      typeof value.inv === 'boolean' &&
      (value.mode === 'after' || value.mode === 'before')
    ) {
      return { inv: value.inv, mode: value.mode, c: value.c };
    }
  } catch {
    // fall through: not ours
  }
  return null;
}

function sortParam(query: ListQuery, inverted: boolean): string {
  const rules = query.order.map((o) => ({
    name: sortNames[o.field],
    desc: o.direction === 'DESC',
  }));
  // The id makes the order total, so a cursor boundary is never ambiguous.
  if (!rules.some((r) => r.name === 'employeeId')) rules.push({ name: 'employeeId', desc: false });
  return rules.map((r) => (r.desc !== inverted ? `-${r.name}` : r.name)).join(',');
}

/** Raw standard keys the page should carry, in the list endpoint's names. */
export function listExtras(rawKeys: readonly string[]): string[] {
  const extras = new Set<string>();
  for (const key of rawKeys) {
    const name = listEndpointNames[key];
    if (name && !listEndpointBaseNames.has(name)) extras.add(name);
  }
  return [...extras];
}

/** The keys a page of GET /v1/employees can carry: the fields it returns under its own names. */
export function endpointCarries(keys: readonly string[]): string[] {
  return keys.filter((key) => Object.hasOwn(listEndpointNames, key));
}

function toStandard(record: RawRecord): RawReply {
  const values = new Map<string, unknown>();
  for (const [name, value] of Object.entries(record)) {
    const std = standardNameOf.get(name);
    if (std) values.set(std, value);
  }
  return { id: record.employeeId, values };
}

/**
 * BambooHR answers BadPage when the employee at a cursor's boundary changed between calls (or the
 * cursor is otherwise no longer usable): the client must start over, which is theirs to do.
 */
function badPageIsStale(response: UpstreamResponse): Error | null {
  try {
    const body = JSON.parse(response.text) as { error?: { code?: string } };
    if (body.error?.code === 'BadPage') {
      return badInput(
        'This cursor is no longer valid at BambooHR; restart paging from the first page',
      );
    }
  } catch {
    // not the documented error body: an upstream fault, reported as such
  }
  return null;
}

/**
 * `fields` is sent comma-joined (`fields=a,b`), a stated fact of this provider: the spec's prose
 * says comma-separated while its schema types the parameter as an array (which would repeat
 * `fields=a&fields=b`); a server reading the prose keeps only one of repeated values, so the
 * prose's form is the one that cannot lose fields. The sandbox accepts both.
 */
export async function listViaEmployeesEndpoint(
  client: BambooHrClient,
  query: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const { page, filter } = query;
  const native = page.native === null ? null : decodeNative(page.native);
  const inverted = native ? native.inv : page.direction === 'backward';
  const params: Record<string, string> = {
    sort: sortParam(query, inverted),
    'page[limit]': String(page.limit),
  };
  if (native) params[`page[${native.mode}]`] = native.c;
  if (filter.status) params['filter[status]'] = filter.status === 'ACTIVE' ? 'active' : 'inactive';
  if (filter.firstName) params['filter[firstName]'] = filter.firstName;
  if (filter.lastName) params['filter[lastName]'] = filter.lastName;
  if (filter.jobTitle) params['filter[jobTitleName]'] = filter.jobTitle;
  if (filter.ids) params['filter[ids]'] = filter.ids.join(',');
  const extras = listExtras(query.keys);
  if (extras.length > 0) params.fields = extras.join(',');

  const response = await client.get<ListResponse>('bamboohr.listEmployees', '/v1/employees', ctx, {
    query: params,
    fields: extras.length,
    onBadRequest: badPageIsStale,
    shape: shapes.employeePage,
  });
  const records = (response?.data ?? []).map(toStandard);
  const nextCursor = response?.meta?.page?.nextCursor ?? null;
  const prevCursor = response?.meta?.page?.prevCursor ?? null;
  const totalCount = response?.meta?.total ?? null;
  if (!inverted) {
    return {
      records,
      next: nextCursor && encode({ inv: false, mode: 'after', c: nextCursor }),
      prev: prevCursor && encode({ inv: false, mode: 'before', c: prevCursor }),
      totalCount,
    };
  }
  // In the inverted order "next" walks back towards the start.
  return {
    records: records.reverse(),
    next: prevCursor && encode({ inv: true, mode: 'before', c: prevCursor }),
    prev: nextCursor && encode({ inv: true, mode: 'after', c: nextCursor }),
    totalCount,
  };
}
