/**
 * GET /v1/companies/{company_id}/employees: the one read that answers employee rows, used both
 * to page (`page`, `per`, native filters and `sort_by`) and to read given employees (`uuids`).
 *
 * Gusto's docs say a paged reply carries its totals in `X-Total-Count` and `X-Total-Pages`, but
 * the spec declares no response headers, so neither is relied on: each is read when present (a
 * present one that is not a count is a fault) and null when absent.
 */

import type { CallContext, EmployeeFilter, EmployeeOrder } from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import type { GustoClient, GustoReply } from './client.js';
import type { EmployeeInclude } from './fields.js';
import type { PageCall } from './paging.js';
import { employeePage, type Json } from './shapes.js';

/** Gusto's `per` ceiling as the sandbox enforces it (the docs name none; 100 is common). */
export const GUSTO_MAX_PER = 100;

/**
 * Ids per `uuids` call. The filter travels in the URL (`explode: false`: comma-separated, no
 * documented limit), so a chunk is kept to one page of the maximum size: 100 uuids are ~3.7 kB
 * of URL, well under the 8 kB many servers allow, and one page answers the whole chunk.
 */
export const UUIDS_PER_CALL = GUSTO_MAX_PER;

export const nativeFilters = ['status', 'ids'] as const satisfies readonly (keyof EmployeeFilter)[];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuidPattern.test(id);

export interface EmployeeListParams {
  readonly filter?: EmployeeFilter;
  readonly order?: readonly EmployeeOrder[];
  readonly uuids?: readonly string[];
  readonly includes: ReadonlySet<EmployeeInclude>;
  readonly page: PageCall;
}

/** What a paged reply's headers say about the whole list, where they say it. */
export interface PageTotals {
  /** `X-Total-Count`: records in the list. */
  readonly count: number | null;
  /** `X-Total-Pages`: pages at the `per` asked. */
  readonly pages: number | null;
}

export interface EmployeeListReply {
  readonly rows: readonly Json[];
  readonly totals: PageTotals;
}

/** The query parameters of a filter and order; BAD_USER_INPUT for what Gusto cannot do. */
export function listQuery(filter: EmployeeFilter, order: readonly EmployeeOrder[]) {
  const query: Record<string, string | boolean | readonly string[]> = {};
  // "terminated_today": the termination is in effect; `terminated` would also count people
  // whose termination is only scheduled, who still work here.
  if (filter.status) query.terminated_today = filter.status === 'INACTIVE';
  if (filter.ids) {
    if (filter.ids.length > UUIDS_PER_CALL) {
      throw badInput(`Gusto accounts filter by at most ${UUIDS_PER_CALL} employee IDs at a time.`, {
        argument: 'filter.ids',
      });
    }
    query.uuids = filter.ids;
  }
  if (order.length > 1 || order.some((o) => o.field !== 'LAST_NAME' || o.direction !== 'ASC')) {
    throw badInput('Gusto accounts order employees only by LAST_NAME ascending (sort_by=name).', {
      argument: 'orderBy',
    });
  }
  if (order.length === 1) query.sort_by = 'name';
  return query;
}

function countIn(
  reply: GustoReply<Json[]>,
  header: 'x-total-count' | 'x-total-pages',
  where: { accountId: string; operation: string },
): number | null {
  const raw = reply.headers[header];
  if (raw === undefined) return null;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value)) {
    throw hrError(
      ErrorCode.UPSTREAM_BAD_RESPONSE,
      `${where.operation} for account ${where.accountId}: a paging header that is not a count`,
      where,
    );
  }
  return value;
}

export async function readEmployeeList(
  client: GustoClient,
  company: string,
  params: EmployeeListParams,
  ctx: CallContext,
): Promise<EmployeeListReply> {
  const operation = params.uuids ? 'gusto.employees.byUuids' : 'gusto.employees.list';
  const filterQuery = params.filter ? listQuery(params.filter, params.order ?? []) : {};
  const reply = await client.get<Json[]>(
    operation,
    `/v1/companies/${encodeURIComponent(company)}/employees`,
    ctx,
    {
      query: {
        ...filterQuery,
        ...(params.uuids ? { uuids: params.uuids } : {}),
        ...(params.includes.size > 0 ? { include: [...params.includes].sort() } : {}),
        page: params.page.page,
        per: params.page.per,
      },
      ids: params.uuids?.length ?? 0,
      shape: employeePage(params.page.per),
    },
  );
  const where = { accountId: client.accountId, operation };
  return {
    rows: reply.body,
    totals: {
      count: countIn(reply, 'x-total-count', where),
      pages: countIn(reply, 'x-total-pages', where),
    },
  };
}
