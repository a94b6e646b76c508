/**
 * Running a List Employees query: filter, sort (nulls first ascending, last descending, ties by
 * employee id so the order is total), then cut the page a cursor asks for. The sorted ids of a
 * query are memoised per company, so walking 10,000 people page by page sorts them once.
 */
import type { Person } from '../company/types.js';
import { decodeCursor, encodeCursor, queryFingerprint } from './employee-cursor.js';
import type { ListQuery, QueryError, SortKey } from './employee-list-query.js';
import type { CompanyCache } from './env.js';
import type { FieldCatalog } from './fields.js';

interface Matches {
  /** Employee ids in result order. */
  ids: Int32Array;
  /** Index in `ids` by employee id; -1 when not a match. */
  position: Int32Array;
}

export interface ListPage {
  people: Person[];
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

function sortValue(catalog: FieldCatalog, person: Person, key: SortKey): string | number | null {
  if (key === 'employeeId') return person.id;
  if (key === 'status') return person.status;
  const value = catalog.value(person, key);
  return value === null ? null : value.toLowerCase();
}

function findMatches(catalog: FieldCatalog, query: ListQuery): Matches {
  const company = catalog.company;
  const { filters } = query;
  let people: readonly Person[] = company.people;
  if (filters.ids) {
    const wanted = [...new Set(filters.ids)].sort((a, b) => a - b);
    people = wanted.map((id) => company.person(id)).filter((p): p is Person => p !== undefined);
  }
  const contains = (value: string | null, part: string | undefined) =>
    part === undefined || (value ?? '').toLowerCase().includes(part.toLowerCase());
  const matched = people.filter(
    (person) =>
      contains(person.firstName, filters.firstName) &&
      contains(person.lastName, filters.lastName) &&
      (filters.jobTitleName === undefined ||
        contains(catalog.value(person, 'jobTitleName'), filters.jobTitleName)) &&
      (filters.status === undefined || person.status.toLowerCase() === filters.status),
  );
  if (query.sort.length > 0) {
    const keyed = matched.map((person) => ({
      person,
      keys: query.sort.map(({ key }) => sortValue(catalog, person, key)),
    }));
    keyed.sort(function byQuerySort(a, b) {
      for (let i = 0; i < query.sort.length; i++) {
        const order = compare(a.keys[i] ?? null, b.keys[i] ?? null);
        if (order !== 0) return query.sort[i]!.desc ? -order : order;
      }
      return a.person.id - b.person.id;
    });
    matched.splice(0, matched.length, ...keyed.map((entry) => entry.person));
  }
  const maxId = company.people.length > 0 ? company.people[company.people.length - 1]!.id : 0;
  const ids = Int32Array.from(matched, (person) => person.id);
  const position = new Int32Array(maxId + 1).fill(-1);
  ids.forEach((id, index) => {
    position[id] = index;
  });
  return { ids, position };
}

/** Nulls first; numbers and strings by value. */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export function runListQuery(
  catalog: FieldCatalog,
  cache: CompanyCache,
  query: ListQuery,
): ListPage | QueryError {
  const fingerprint = queryFingerprint(query);
  const { ids, position } = cache.get(`employees-list:${fingerprint}`, () =>
    findMatches(catalog, query),
  );
  let start = 0;
  let end = Math.min(ids.length, query.limit);
  const cursor = query.after ?? query.before;
  if (cursor !== undefined) {
    const direction = query.after !== undefined ? 'after' : 'before';
    const decoded = decodeCursor(cursor, direction, fingerprint);
    if ('error' in decoded) return { code: 'BadPage', message: decoded.error };
    const at = position[decoded.employeeId] ?? -1;
    // The boundary employee must still match: otherwise the walk would skip or repeat people.
    if (at < 0) return { code: 'BadPage', message: 'The page boundary employee no longer matches' };
    if (direction === 'after') {
      start = at + 1;
      end = Math.min(ids.length, start + query.limit);
    } else {
      end = at;
      start = Math.max(0, end - query.limit);
    }
  }
  const company = catalog.company;
  const people: Person[] = [];
  for (let i = start; i < end; i++) people.push(company.person(ids[i]!)!);
  const first = people[0];
  const last = people[people.length - 1];
  return {
    people,
    total: ids.length,
    nextCursor: last && end < ids.length ? encodeCursor('after', last.id, fingerprint) : null,
    prevCursor: first && start > 0 ? encodeCursor('before', first.id, fingerprint) : null,
  };
}
