/**
 * Parsing List Employees' query (reference §2.1, spec list-employees): deepObject filters,
 * `sort`, `fields` and cursor paging. Failures carry the spec's string codes: `BadRequest` for
 * filters, sort and limits, `BadPage` for cursors.
 */

export const SORT_KEYS = [
  'employeeId',
  'firstName',
  'lastName',
  'preferredName',
  'jobTitleName',
  'status',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The spec's EmployeeOptionalField enum. */
export const OPTIONAL_FIELDS = [
  'workEmail',
  'homeEmail',
  'bestEmail',
  'middleName',
  'workPhone',
  'workPhoneExtension',
  'mobilePhone',
  'homePhone',
  'skypeUsername',
  'linkedinUrl',
  'facebookUrl',
  'instagramUrl',
  'twitterUrl',
  'pinterestUrl',
  'birthDate',
  'hireDate',
  'divisionName',
  'divisionId',
  'departmentName',
  'departmentId',
  'locationName',
  'locationId',
  'jobTitleId',
  'employmentStatusName',
  'employmentStatusId',
  'reportsToName',
  'reportsToId',
] as const;

export interface ListFilters {
  firstName?: string;
  lastName?: string;
  jobTitleName?: string;
  status?: 'active' | 'inactive';
  ids?: number[];
}

export interface ListQuery {
  filters: ListFilters;
  sort: { key: SortKey; desc: boolean }[];
  /** Known optional fields asked for, deduplicated, in order. */
  fields: string[];
  /** Every `fields` name as sent, unknown ones included (for the request log). */
  fieldsAsked: string[];
  limit: number;
  after?: string;
  before?: string;
}

export interface QueryError {
  code: 'BadRequest' | 'BadPage';
  message: string;
}

export interface LimitBounds {
  defaultLimit: number;
  maxLimit: number;
}

const TEXT_FILTERS = new Set(['firstName', 'lastName', 'jobTitleName']);

export function parseListQuery(
  params: URLSearchParams,
  bounds: LimitBounds,
): ListQuery | QueryError {
  const filters: ListFilters = {};
  const fieldsAsked: string[] = [];
  const sort: ListQuery['sort'] = [];
  let limit = bounds.defaultLimit;
  let after: string | undefined;
  let before: string | undefined;
  for (const [key, value] of params) {
    const filter = /^filter\[([^\]]+)\](.*)$/.exec(key);
    if (filter) {
      const error = addFilter(filters, filter[1]!, filter[2]!, value);
      if (error) return error;
    } else if (key === 'fields' || key === 'fields[]') {
      fieldsAsked.push(...splitList(value));
    } else if (key === 'sort') {
      for (const part of splitList(value)) {
        const desc = part.startsWith('-');
        const name = desc ? part.slice(1) : part;
        if (!(SORT_KEYS as readonly string[]).includes(name))
          return bad(`Invalid sort field: ${name}`);
        sort.push({ key: name as SortKey, desc });
      }
    } else if (key === 'page[limit]') {
      limit = Number(value);
      if (!Number.isInteger(limit) || limit < 1 || limit > bounds.maxLimit)
        return bad(`page[limit] must be an integer from 1 to ${bounds.maxLimit}`);
    } else if (key === 'page[after]') after = value;
    else if (key === 'page[before]') before = value;
  }
  if (after !== undefined && before !== undefined)
    return { code: 'BadPage', message: 'Use page[after] or page[before], not both' };
  const fields = [...new Set(fieldsAsked)].filter((name) =>
    (OPTIONAL_FIELDS as readonly string[]).includes(name),
  );
  return { filters, sort, fields, fieldsAsked, limit, after, before };
}

function addFilter(
  filters: ListFilters,
  name: string,
  rest: string,
  value: string,
): QueryError | null {
  if (TEXT_FILTERS.has(name) && rest === '') {
    filters[name as 'firstName' | 'lastName' | 'jobTitleName'] = value;
    return null;
  }
  if (name === 'status' && rest === '') {
    const status = value.toLowerCase();
    if (status !== 'active' && status !== 'inactive')
      return bad('filter[status] must be active or inactive');
    filters.status = status;
    return null;
  }
  // `filter[ids][]=1&filter[ids][]=2` (documented), `filter[ids]=1,2` (kept for compatibility).
  if (name === 'ids' && /^(\[\d*\])?$/.test(rest)) {
    const ids = filters.ids ?? [];
    for (const part of splitList(value)) {
      if (!/^\d+$/.test(part)) return bad(`Invalid employee id in filter[ids]: ${part}`);
      ids.push(Number(part));
    }
    filters.ids = ids;
    return null;
  }
  return bad(`Unknown filter: ${name}${rest}`);
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function bad(message: string): QueryError {
  return { code: 'BadRequest', message };
}

export function isQueryError(value: ListQuery | QueryError): value is QueryError {
  return 'code' in value;
}
