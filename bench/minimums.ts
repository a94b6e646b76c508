/**
 * The fewest BambooHR calls, and the fewest sequential round trips, that can answer each
 * scenario: derived here, in one place, from the scenario's shape and BambooHR's limits. The
 * runner fails when hrgraph's calls differ from these.
 *
 * The limits:
 * - Get Employee and custom reports name at most 400 fields per call (BambooHR reference).
 * - GET /v1/employees returns a closed list of fields (the adapter's `listEndpointNames`); any
 *   other field of a listed employee needs a second call, by id.
 * - A custom report takes a list of employee ids. BambooHR documents no ceiling; hrgraph bounds a
 *   report at 1,000 ids so one response stays a size a process can hold, and so do the minimums.
 * - Whole-company reads (`/employees/all/tables/{table}`, `/time_off/requests` over a window)
 *   answer any number of employees in one call.
 * - A cursor page can only be asked for once the page before it has answered.
 */
import { listEndpointNames } from '../src/providers/bamboohr/fields.js';
import { REPORT_IDS_PER_CALL } from '../src/providers/bamboohr/reads.js';

export const FIELDS_PER_CALL = 400;
export const IDS_PER_REPORT = REPORT_IDS_PER_CALL;

export interface Minimum {
  readonly calls: number;
  /** Sequential round trips on the critical path the data dependencies allow. */
  readonly roundTrips: number;
}

/** BambooHR keys the list call can carry beside each employee. */
export const listCarries = (keys: readonly string[]) =>
  keys.filter((key) => Object.hasOwn(listEndpointNames, key));

/** Reports that load `fields` fields for `ids` employees. */
export function reports(ids: number, fields: number): number {
  if (ids === 0 || fields === 0) return 0;
  return Math.ceil(ids / IDS_PER_REPORT) * Math.ceil(fields / FIELDS_PER_CALL);
}

/**
 * `people` employees read page by page (`pageSize` each), every one with `keys`: one list call
 * per page, plus the reports for what the list cannot carry, which must wait for the page's ids.
 */
export function pagedList(people: number, pageSize: number, keys: readonly string[]): Minimum {
  const pages = Math.max(1, Math.ceil(people / pageSize));
  const missing = keys.length - listCarries(keys).length;
  let calls = 0;
  for (let page = 0; page < pages; page++) {
    const onPage = Math.min(pageSize, people - page * pageSize);
    calls += 1 + reports(onPage, missing);
  }
  return { calls, roundTrips: pages * (missing > 0 ? 2 : 1) };
}

/**
 * One page with, for each employee, their manager's fields, their pay history and their time
 * off in a window: the page; a report for the managers the page does not hold (their ids come
 * from the page); one whole-table read and one whole-window read, which need no ids.
 */
export function nestedPage(
  pageSize: number,
  pageKeys: readonly string[],
  managersOutsidePage: number,
  managerKeys: readonly string[],
): Minimum {
  const page = pagedList(pageSize, pageSize, pageKeys);
  const managers = reports(managersOutsidePage, managerKeys.length);
  return {
    calls: page.calls + managers + 2,
    roundTrips: Math.max(page.roundTrips, managers > 0 ? 2 : 1),
  };
}

/** Employees by id: reports only (a report proves existence as it answers). */
export function lookups(ids: number, keys: readonly string[]): Minimum {
  return { calls: reports(ids, Math.max(1, keys.length)), roundTrips: 1 };
}

/** Each of `requests` requests needs `each`. */
export function repeated(requests: number, each: Minimum): Minimum {
  return { calls: requests * each.calls, roundTrips: each.roundTrips };
}
