/**
 * Paging employees through the employee dataset (POST /v2/datasets/employee/data), which API keys
 * may call. The dataset pages by number, so the native cursor here is a position: `{o}` starts a
 * forward page at offset o, `{e}` ends a backward page just before offset e. One call can carry up
 * to 400 fields, so the page brings the fields its selection needs along with it.
 */

import type {
  CallContext,
  EmployeeOrderField,
  ListQuery,
  ListRequest,
  NativePage,
  RawReply,
} from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import type { BambooHrClient } from './client.js';
import { isFieldKey } from './fields.js';
import type { OrgLists } from './lookups.js';
import { FIELDS_PER_CALL, toMap } from './reads.js';
import { shapes } from './shapes.js';

/** The dataset's name for the employee id. */
export const DATASET_ID_FIELD = 'employeeId';
export const DATASET_MAX_PAGE = 1000;

export const datasetFilters = ['status', 'departments', 'ids', 'managers'] as const;

const orderNames: Readonly<Record<EmployeeOrderField, string>> = {
  REMOTE_ID: DATASET_ID_FIELD,
  FIRST_NAME: 'firstName',
  LAST_NAME: 'lastName',
  JOB_TITLE: 'jobTitle',
  STATUS: 'status',
};

type Native = { readonly o: number } | { readonly e: number };

interface DatasetResponse {
  readonly data?: readonly { readonly fields?: Readonly<Record<string, unknown>> }[];
  readonly meta?: { readonly totalItems?: unknown };
  readonly links?: { readonly next?: unknown };
}

/**
 * One dataset page: its records, the dataset's total when the reply states it (the spec makes
 * `meta.totalItems` optional), and whether more follow — from the total when stated, else from
 * `links.next`, else from a full page. A missing total is never read as 0: that would end the
 * walk after the first page and lose everyone past it.
 */
interface FetchedPage {
  readonly records: RawReply[];
  readonly total: number | null;
  readonly more: boolean;
}

function decode(native: string): Native | null {
  try {
    const value = JSON.parse(native) as Record<string, unknown>;
    if (typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0)
      return { o: value.o };
    if (typeof value.e === 'number' && Number.isInteger(value.e) && value.e >= 0)
      return { e: value.e };
  } catch {
    // fall through
  }
  return null;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

function filterExpression(query: ListQuery, lists: OrgLists | null): string | null {
  const { filter } = query;
  const unsupported = (['firstName', 'lastName', 'jobTitle'] as const).filter(
    (k) => filter[k] !== undefined,
  );
  if (unsupported.length > 0) {
    throw badInput(
      `This BambooHR account is connected with an API key, whose employee listing cannot filter by ${unsupported.join(', ')}; connect it with OAuth to use these filters`,
    );
  }
  const terms: string[] = [];
  if (filter.status)
    terms.push(`status eq ${quote(filter.status === 'ACTIVE' ? 'Active' : 'Inactive')}`);
  if (filter.ids)
    terms.push(`${DATASET_ID_FIELD} in (${filter.ids.map((id) => quote(id)).join(',')})`);
  if (filter.managers) {
    terms.push(`supervisorEId in (${filter.managers.map((id) => quote(id)).join(',')})`);
  }
  if (filter.departments && lists) {
    const names = filter.departments.map((id) => {
      const option = lists.options('department').find((o) => `department:${o.id}` === id);
      if (!option) throw badInput(`Unknown department id in filter: ${id}`);
      return quote(option.name);
    });
    terms.push(`department in (${names.join(',')})`);
  }
  return terms.length > 0 ? terms.join(' and ') : null;
}

/** The smallest page size ≥ count whose one page covers [offset, offset + count). */
function alignedPage(offset: number, count: number): { page: number; pageSize: number } | null {
  for (let size = count; size <= DATASET_MAX_PAGE; size++) {
    if (Math.floor(offset / size) === Math.floor((offset + count - 1) / size)) {
      return { page: Math.floor(offset / size) + 1, pageSize: size };
    }
  }
  return null;
}

/** The keys one dataset page can carry besides the id: any field, up to the call's ceiling. */
export function datasetCarries(keys: readonly string[]): string[] {
  return keys.filter(isFieldKey).slice(0, FIELDS_PER_CALL - 1);
}

export async function listViaDataset(
  client: BambooHrClient,
  query: ListRequest,
  ctx: CallContext,
): Promise<NativePage<RawReply>> {
  const orderFields = query.order.map((o) => orderNames[o.field]);
  const fields = [...new Set([DATASET_ID_FIELD, ...orderFields, ...query.keys])].slice(
    0,
    FIELDS_PER_CALL,
  );
  // Only a department filter needs the lists, to turn group ids back into names.
  const filter = filterExpression(
    query,
    query.filter.departments ? query.lookups.get<OrgLists>('lists') : null,
  );
  const order = (inverted: boolean) => {
    const rules = query.order.map(
      (o) => `${orderNames[o.field]} ${(o.direction === 'DESC') !== inverted ? 'desc' : 'asc'}`,
    );
    if (!orderFields.includes(DATASET_ID_FIELD))
      rules.push(`${DATASET_ID_FIELD} ${inverted ? 'desc' : 'asc'}`);
    return rules.join(', ');
  };

  async function fetchPage(
    page: number,
    pageSize: number,
    inverted: boolean,
  ): Promise<FetchedPage> {
    const response = await client.post<DatasetResponse>(
      'bamboohr.datasetEmployees',
      '/v2/datasets/employee/data',
      { fields, filter, orderBy: order(inverted), page, pageSize },
      ctx,
      { fields: fields.length, shape: shapes.datasetPage },
    );
    const records = (response?.data ?? []).map((row): RawReply => {
      const values = row.fields ?? {};
      return { id: values[DATASET_ID_FIELD], values: toMap(values) };
    });
    const stated = response?.meta?.totalItems;
    const total = typeof stated === 'number' && Number.isSafeInteger(stated) ? stated : null;
    const next = response?.links?.next;
    const more =
      total !== null
        ? page * pageSize < total
        : typeof next === 'string'
          ? next !== ''
          : next === null
            ? false
            : records.length === pageSize;
    return { records, total, more };
  }

  async function window(offset: number, count: number): Promise<FetchedPage> {
    const aligned = alignedPage(offset, count);
    if (aligned) {
      const { records, total, more } = await fetchPage(aligned.page, aligned.pageSize, false);
      const start = offset - (aligned.page - 1) * aligned.pageSize;
      return {
        records: records.slice(start, start + count),
        total,
        more: more || records.length > start + count,
      };
    }
    // An unaligned window of nearly the largest page spans two pages of its own size.
    const first = Math.floor(offset / count) + 1;
    const [a, b] = await Promise.all([
      fetchPage(first, count, false),
      fetchPage(first + 1, count, false),
    ]);
    const start = offset - (first - 1) * count;
    const both = [...a.records, ...b.records];
    return {
      records: both.slice(start, start + count),
      total: a.total,
      more: b.more || both.length > start + count,
    };
  }

  // An account that pages natively by 2,500 may still land here (a manager or department
  // filter): the dataset's page is shorter, and a short page with `next` is still a page.
  const page = { ...query.page, limit: Math.min(query.page.limit, DATASET_MAX_PAGE) };
  const native = page.native === null ? null : decode(page.native);
  if (page.native !== null && native === null)
    throw badInput('The cursor does not belong to this list');

  let offset: number;
  let result: FetchedPage;
  if (native === null && page.direction === 'backward') {
    // The last page: the first page of the inverted order, turned around.
    const inverted = await fetchPage(1, page.limit, true);
    if (inverted.total === null) {
      // Where the last page starts is known only from the total.
      throw hrError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `bamboohr.datasetEmployees for account ${client.accountId}: a page without its total, needed to page from the end`,
        { accountId: client.accountId, operation: 'bamboohr.datasetEmployees' },
      );
    }
    result = { ...inverted, records: inverted.records.reverse() };
    offset = Math.max(0, inverted.total - result.records.length);
  } else if (native !== null && 'e' in native) {
    offset = Math.max(0, native.e - page.limit);
    result =
      native.e === 0
        ? { records: [], total: 0, more: false }
        : await window(offset, native.e - offset);
  } else {
    offset = native === null ? 0 : native.o;
    result = await window(offset, page.limit);
  }
  const end = offset + result.records.length;
  return {
    records: result.records,
    // Without a total, an empty page ends the walk: asking from the same offset again would
    // never move.
    next: (result.total !== null ? end < result.total : result.more && end > offset)
      ? JSON.stringify({ o: end })
      : null,
    prev: offset > 0 ? JSON.stringify({ e: offset }) : null,
    totalCount: result.total,
  };
}
