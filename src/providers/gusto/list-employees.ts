/**
 * Paging employees in both directions over Gusto's numbered pages (see paging.ts for the
 * cursor). "The last N" with no cursor needs the total first: one call of the first page tells
 * it (X-Total-Count) and, when everything fits in N, is the answer itself.
 */
import type { CallContext, EmployeeListQuery, NativePage } from '../../core/contract/index.js';
import type { GustoClient } from './client.js';
import { GUSTO_MAX_PER, isUuid, readEmployeeList } from './employee-list.js';
import type { EmployeeInclude } from './fields.js';
import {
  decodeBoundary,
  encodeBoundary,
  type PlannedRange,
  planBackward,
  planForward,
} from './paging.js';
import type { Json } from './shapes.js';

export interface ListDeps {
  readonly client: GustoClient;
  readonly company: string;
  readonly includes: ReadonlySet<EmployeeInclude>;
}

const empty: NativePage<Json> = { records: [], next: null, prev: null, totalCount: 0 };

export async function listEmployeePage(
  deps: ListDeps,
  query: EmployeeListQuery,
  ctx: CallContext,
): Promise<NativePage<Json>> {
  const { filter, order, page } = query;
  if (filter.ids && !filter.ids.some(isUuid)) return empty;
  const per = Math.min(Math.max(page.limit, 1), GUSTO_MAX_PER);

  async function read(range: PlannedRange) {
    const reply = await readEmployeeList(
      deps.client,
      deps.company,
      { filter, order, includes: deps.includes, page: range.call },
      ctx,
    );
    return {
      ...reply,
      rows: reply.rows.slice(range.start - range.callStart, range.end - range.callStart),
    };
  }

  function pageOf(range: PlannedRange, rows: readonly Json[], total: number): NativePage<Json> {
    const end = range.start + rows.length;
    const tokenPer = range.call.per;
    return {
      records: rows,
      next: end < total ? encodeBoundary(end, tokenPer) : null,
      prev: range.start > 0 ? encodeBoundary(range.start, tokenPer) : null,
      totalCount: total,
    };
  }

  if (page.direction === 'forward') {
    const start = page.native === null ? 0 : decodeBoundary(page.native, GUSTO_MAX_PER);
    const range = planForward(start, per, GUSTO_MAX_PER);
    const { rows, totalCount } = await read(range);
    return pageOf(range, rows, totalCount);
  }

  let end: number;
  if (page.native === null) {
    const first = planForward(0, per, GUSTO_MAX_PER);
    const probe = await read(first);
    if (probe.totalCount <= per) return pageOf(first, probe.rows, probe.totalCount);
    end = probe.totalCount;
  } else {
    end = decodeBoundary(page.native, GUSTO_MAX_PER);
  }
  const range = planBackward(end, per, GUSTO_MAX_PER);
  if (!range) return { ...empty, totalCount: null };
  const { rows, totalCount } = await read(range);
  return pageOf(range, rows, totalCount);
}
