/**
 * Personio's employee list as the list operation: v1 `GET /company/employees`, because it is the
 * one read that carries every attribute of a person (job, department, office, supervisor, pay,
 * custom attributes) in one call, pages by item offset both ways and says the list's length; v2
 * `/v2/persons` carries names and emails only (the rest sits on employments, one call a person)
 * and pages forward only (reasons per operation: README.md in this folder).
 *
 * The native cursor is a boundary between records: `a:<offset>` walking the list in Personio's
 * order (by id), `d:<offset>` walking it from the end (REMOTE_ID descending, the same windows
 * read in reverse). A descending walk starts at the list's end, which the org lookup already
 * knows; a reply whose `total_elements` says the list has changed since is read again at the new
 * end, so a stale length costs one call, never a wrong page.
 */
import type {
  CallContext,
  ListOperation,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import type { PersonioClient } from './client.js';
import {
  attributesOf,
  type EmployeeWindow,
  PERSONIO_MAX_LIMIT,
  readEmployeeWindow,
} from './employee-list.js';
import { isEmployeeKey } from './fields.js';
import type { OrgIndex } from './org.js';
import { employeeIdOf, toReply } from './records.js';

type Direction = 'a' | 'd';

export function decodeBoundary(native: string, direction: Direction): number {
  const match = /^([ad]):(\d{1,9})$/.exec(native);
  if (!match || match[1] !== direction) {
    throw badInput('The cursor does not name a place in this Personio list.', {
      argument: 'cursor',
    });
  }
  return Number(match[2]);
}

const boundary = (direction: Direction, offset: number) => `${direction}:${offset}`;

/** Ids must ascend for the id order hrgraph promises (and reads backward) to hold. */
function checkAscending(accountId: string, rows: readonly unknown[]) {
  let last = 0;
  for (const row of rows) {
    const id = employeeIdOf(row as Record<string, unknown>);
    if (typeof id !== 'number') continue;
    if (id <= last) {
      throw hrError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `personio.employees for account ${accountId}: a page that is not in id order`,
        { accountId, operation: 'personio.employees' },
      );
    }
    last = id;
  }
}

export function personioList(client: PersonioClient): ListOperation {
  return {
    filters: [],
    orders: ['REMOTE_ID'],
    maxPageSize: PERSONIO_MAX_LIMIT,
    directions: ['forward', 'backward'],
    needs: (query) => (query.order[0]?.direction === 'DESC' ? ['org'] : []),
    carries: (keys) => keys.filter(isEmployeeKey),
    run: (request, ctx) => listPage(client, request, ctx),
  };
}

async function listPage(
  client: PersonioClient,
  request: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const { order, page, keys } = request;
  if (order.some((o) => o.field !== 'REMOTE_ID') || order.length > 1) {
    throw badInput('Personio accounts order employees only by REMOTE_ID.', { argument: 'orderBy' });
  }
  const attributes = attributesOf(keys);
  const per = Math.min(Math.max(page.limit, 1), PERSONIO_MAX_LIMIT);
  const read = async (offset: number, limit: number) => {
    const window = await readEmployeeWindow(client, { offset, limit }, attributes, ctx);
    if (order.length > 0) checkAscending(client.accountId, window.rows);
    return window;
  };
  const records = (window: EmployeeWindow, reverse: boolean) => {
    const rows = window.rows.map((row) => toReply(row, keys));
    return reverse ? rows.reverse() : rows;
  };

  if (order[0]?.direction === 'DESC') {
    if (page.direction === 'forward') {
      let end = page.native === null ? request.lookups.get<OrgIndex>('org').count : null;
      end ??= decodeBoundary(page.native!, 'd');
      let start = Math.max(0, end - per);
      let window = await read(start, end - start || 1);
      if (page.native === null && window.total !== end) {
        // The list changed since the org lookup counted it: read the window at its new end.
        end = window.total;
        start = Math.max(0, end - per);
        window = await read(start, end - start || 1);
      }
      const rows = end === 0 ? [] : window.rows.slice(0, end - start);
      return {
        records: records({ ...window, rows }, true),
        next: start > 0 ? boundary('d', start) : null,
        prev: page.native !== null && end < window.total ? boundary('d', end) : null,
        totalCount: window.total,
      };
    }
    const start = page.native === null ? 0 : decodeBoundary(page.native, 'd');
    const window = await read(start, per);
    const end = start + window.rows.length;
    return {
      records: records(window, true),
      next: start > 0 ? boundary('d', start) : null,
      prev: end < window.total ? boundary('d', end) : null,
      totalCount: window.total,
    };
  }

  if (page.direction === 'forward') {
    const start = page.native === null ? 0 : decodeBoundary(page.native, 'a');
    const window = await read(start, per);
    const end = start + window.rows.length;
    return {
      records: records(window, false),
      next: end < window.total ? boundary('a', end) : null,
      prev: start > 0 ? boundary('a', start) : null,
      totalCount: window.total,
    };
  }

  let end: number;
  if (page.native === null) {
    // "The last N": the first page answers it when everything fits; else it tells the length.
    const probe = await read(0, per);
    if (probe.total <= per) {
      return { records: records(probe, false), next: null, prev: null, totalCount: probe.total };
    }
    end = probe.total;
  } else {
    end = decodeBoundary(page.native, 'a');
  }
  if (end <= 0) return { records: [], next: null, prev: null, totalCount: null };
  const start = Math.max(0, end - per);
  const window = await read(start, end - start);
  return {
    records: records(window, false),
    next:
      start + window.rows.length < window.total ? boundary('a', start + window.rows.length) : null,
    prev: start > 0 ? boundary('a', start) : null,
    totalCount: window.total,
  };
}
