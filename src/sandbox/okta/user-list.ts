/**
 * listUsers' four modes, as its parameter descriptions state them:
 * - plain: every user but DEPROVISIONED ones, in id order, `after` = the last id seen;
 * - `filter`: DEPROVISIONED included, id order, same cursor;
 * - `search`: DEPROVISIONED included, `sortBy`/`sortOrder` (ties by id), an opaque cursor;
 * - `q`: prefix of firstName, lastName or email, DEPROVISIONED left out, one page, no cursor.
 * `search` wins over `filter`, which wins over `q` (a sandbox choice; Okta documents no mix).
 */
import type { Person } from '../company/types.js';
import type { Directory } from './directory.js';
import { type Expression, ExpressionError, evaluate } from './expression.js';
import { oktaUserId } from './ids.js';
import {
  FILTER_OPTIONS,
  parseUserFilter,
  parseUserSearch,
  SEARCH_OPTIONS,
  userAccessor,
} from './user-match.js';
import { oktaUserStatus } from './user-status.js';

export interface UserListQuery {
  readonly search?: string;
  readonly filter?: string;
  readonly q?: string;
  readonly after?: string;
  readonly limit: number;
  readonly sortBy?: string;
  readonly sortOrder?: string;
}

export type UserListResult =
  | { readonly ok: true; readonly people: Person[]; readonly next: string | null }
  | { readonly ok: false; readonly kind: 'invalidSearch' | 'validation'; readonly detail: string };

/** Index of the first person whose id sorts after `after` (ids sort as person ids do). */
function startAfter(people: readonly Person[], after: string | undefined): number {
  if (!after) return 0;
  let low = 0;
  let high = people.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (oktaUserId((people[mid] as Person).id) <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Walks in id order from `after`, taking `limit` matches and peeking for one more. */
function walk(
  people: readonly Person[],
  query: UserListQuery,
  keep: (person: Person) => boolean,
): UserListResult {
  const page: Person[] = [];
  for (let i = startAfter(people, query.after); i < people.length; i++) {
    const person = people[i] as Person;
    if (!keep(person)) continue;
    if (page.length === query.limit) {
      const last = page[page.length - 1] as Person;
      return { ok: true, people: page, next: oktaUserId(last.id) };
    }
    page.push(person);
  }
  return { ok: true, people: page, next: null };
}

const SEARCH_CURSOR = /^s([0-9a-z]+)$/;

function searchPage(directory: Directory, expression: Expression, query: UserListQuery) {
  let offset = 0;
  if (query.after) {
    const match = SEARCH_CURSOR.exec(query.after);
    if (!match) return { ok: false, kind: 'validation', detail: 'after' } as const;
    offset = Number.parseInt(match[1] as string, 36);
  }
  const matches = directory.company.people.filter((person) =>
    evaluate(expression, userAccessor(directory, person), SEARCH_OPTIONS),
  );
  if (query.sortBy) sortPeople(directory, matches, query.sortBy, query.sortOrder === 'desc');
  const end = offset + query.limit;
  const next = end < matches.length ? `s${end.toString(36)}` : null;
  return { ok: true, people: matches.slice(offset, end), next } as const;
}

function sortPeople(directory: Directory, people: Person[], sortBy: string, desc: boolean): void {
  const keys = new Map(people.map((p) => [p.id, userAccessor(directory, p)(sortBy)]));
  const direction = desc ? -1 : 1;
  people.sort(function bySortKey(a, b) {
    const left = keys.get(a.id);
    const right = keys.get(b.id);
    // Users without a value come last either way; equal values are ordered by id.
    if (left == null || right == null) return left == null ? (right == null ? a.id - b.id : 1) : -1;
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : String(left).localeCompare(String(right));
    return order === 0 ? a.id - b.id : order * direction;
  });
}

export function listUsers(directory: Directory, query: UserListQuery): UserListResult {
  const { company } = directory;
  const notDeprovisioned = (p: Person) => oktaUserStatus(company, p) !== 'DEPROVISIONED';
  try {
    if (query.search !== undefined) {
      return searchPage(directory, parseUserSearch(query.search, directory), query);
    }
    if (query.filter !== undefined) {
      const expression = parseUserFilter(query.filter);
      return walk(company.people, query, (person) =>
        evaluate(expression, userAccessor(directory, person), FILTER_OPTIONS),
      );
    }
  } catch (error) {
    if (error instanceof ExpressionError)
      return { ok: false, kind: 'invalidSearch', detail: error.message };
    throw error;
  }
  if (query.q !== undefined) {
    const prefix = query.q.toLowerCase();
    const page: Person[] = [];
    for (const person of company.people) {
      if (page.length === query.limit) break;
      const names = [person.firstName, person.lastName, person.workEmail];
      if (!names.some((n) => n.toLowerCase().startsWith(prefix))) continue;
      if (notDeprovisioned(person)) page.push(person);
    }
    return { ok: true, people: page, next: null };
  }
  return walk(company.people, query, notDeprovisioned);
}
