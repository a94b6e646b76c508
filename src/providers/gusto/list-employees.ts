/**
 * Gusto's employee list as the list operation: numbered pages in both directions (see paging.ts
 * for the cursor), the status and uuid filters, `sort_by=name`, and the includes the wanted keys
 * need, so a page carries every key a Gusto read could.
 *
 * The end of the list: `X-Total-Count` says it when Gusto sends it. The spec declares no response
 * headers, so without it a page says it itself: records in the page past the window, else
 * `X-Total-Pages` when sent, else a full page means "maybe more" (the next page, empty, ends the
 * walk: one call more, only when the list's length is a multiple of the page size) and a short
 * one means the end. totalCount is then null, and "the last N" finds the end first (list-length.ts).
 */
import type {
  CallContext,
  ListOperation,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import type { GustoClient } from './client.js';
import {
  type EmployeeListReply,
  GUSTO_MAX_PER,
  nativeFilters,
  readEmployeeList,
} from './employee-list.js';
import { type EmployeeInclude, includesFor, isRowKey } from './fields.js';
import { listLength } from './list-length.js';
import {
  decodeBoundary,
  encodeBoundary,
  type PageCall,
  type PlannedRange,
  planBackward,
  planForward,
} from './paging.js';
import { toReply } from './records.js';
import type { Json } from './shapes.js';

export function gustoList(client: GustoClient, company: string): ListOperation {
  return {
    filters: nativeFilters,
    orders: ['LAST_NAME'],
    maxPageSize: GUSTO_MAX_PER,
    directions: ['forward', 'backward'],
    // Every read is the employee list: what a read by uuids could bring, a page brings too.
    carries: (keys) => keys.filter(isRowKey),
    run: (request, ctx) => listEmployeePage(client, company, request, ctx),
  };
}

/** One call's part of the list: the rows of the window, and what the whole reply said. */
interface WindowRead {
  readonly range: PlannedRange;
  readonly rows: readonly Json[];
  /** Rows in the whole reply, window or not. */
  readonly size: number;
  readonly totals: EmployeeListReply['totals'];
}

/** Whether records follow the window a read returned. */
function more({ range, rows, size, totals }: WindowRead): boolean {
  const end = range.start + rows.length;
  if (totals.count !== null) return end < totals.count;
  if (range.callStart + size > end) return true;
  if (totals.pages !== null) return range.call.page < totals.pages;
  return size >= range.call.per;
}

const noIncludes: ReadonlySet<EmployeeInclude> = new Set();

export async function listEmployeePage(
  client: GustoClient,
  company: string,
  request: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const { filter, order, page, keys } = request;
  const includes = includesFor(keys);
  const per = Math.min(Math.max(page.limit, 1), GUSTO_MAX_PER);

  const fetchPage = (call: PageCall, withIncludes: boolean) =>
    readEmployeeList(
      client,
      company,
      { filter, order, includes: withIncludes ? includes : noIncludes, page: call },
      ctx,
    );

  async function read(range: PlannedRange): Promise<WindowRead> {
    const reply = await fetchPage(range.call, true);
    const from = range.start - range.callStart;
    return {
      range,
      rows: reply.rows.slice(from, range.end - range.callStart),
      size: reply.rows.length,
      totals: reply.totals,
    };
  }

  function pageOf(window: WindowRead): NativePage<RawReply> {
    const { range, rows } = window;
    const end = range.start + rows.length;
    const tokenPer = range.call.per;
    return {
      records: rows.map((row) => toReply(row, includes, keys)),
      next: more(window) ? encodeBoundary(end, tokenPer) : null,
      prev: range.start > 0 ? encodeBoundary(range.start, tokenPer) : null,
      totalCount: window.totals.count,
    };
  }

  if (page.direction === 'forward') {
    const start = page.native === null ? 0 : decodeBoundary(page.native, GUSTO_MAX_PER);
    return pageOf(await read(planForward(start, per, GUSTO_MAX_PER)));
  }

  let end: number;
  if (page.native === null) {
    // "The last N": the first page answers it when everything fits; else the list's end.
    const probe = await read(planForward(0, per, GUSTO_MAX_PER));
    if (!more(probe)) return pageOf(probe);
    end =
      probe.totals.count ??
      (await listLength({
        accountId: client.accountId,
        per: GUSTO_MAX_PER,
        rowsOn: async (number) =>
          (
            await fetchPage({ page: number, per: GUSTO_MAX_PER }, false)
          ).rows.length,
        ...(probe.range.call.per === GUSTO_MAX_PER ? { firstPage: probe.size } : {}),
      }));
  } else {
    end = decodeBoundary(page.native, GUSTO_MAX_PER);
  }
  const range = planBackward(end, per, GUSTO_MAX_PER);
  if (!range) return { records: [], next: null, prev: null, totalCount: null };
  return pageOf(await read(range));
}
