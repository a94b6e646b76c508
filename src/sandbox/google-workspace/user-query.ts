/**
 * A subset of the Directory API's user search language
 * (developers.google.com/admin-sdk/directory/v1/guides/search-users): clauses separated by
 * spaces, all of which must hold; values in single quotes may hold spaces; a trailing `*` is a
 * prefix wildcard. `:` matches a word prefix, `=` the whole value (case-insensitive).
 * Supported: email, givenName, familyName, name, isAdmin, isSuspended, isArchived, orgUnitPath
 * (`=`: that unit and every unit under it), orgTitle, orgDepartment, orgCostCenter,
 * directManager, directManagerId, manager, managerId (anywhere up the chain), externalId, and
 * custom fields `Schema.field` with `=`, `:`, and `<`, `<=`, `>`, `>=` for dates and numbers.
 * Bare words match a name or email prefix. Anything else is unsupported: the caller answers 400.
 */
import type { Person } from '../company/types.js';
import type { Directory } from './directory.js';
import { googleUserId } from './ids.js';
import { isArchived } from './user-record.js';

export type UserPredicate = (person: Person) => boolean;
type Op = ':' | '=' | '<' | '<=' | '>' | '>=';

const CLAUSE = /^(?:([A-Za-z][\w.]*)(:|=|<=|>=|<|>))?('(?:[^'\\]|\\.)*'|[^\s']+)/;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function textMatch(op: Op, actual: string | null | undefined, wanted: string): boolean {
  if (actual === null || actual === undefined) return false;
  const value = wanted.toLowerCase();
  const prefix = value.endsWith('*');
  const stem = prefix ? value.slice(0, -1) : value;
  const whole = actual.toLowerCase();
  if (op === '=') return prefix ? whole.startsWith(stem) : whole === stem;
  if (op === ':') return whole.startsWith(stem) || words(actual).some((w) => w.startsWith(stem));
  return false;
}

function compare(op: Op, actual: string | number | boolean | null, wanted: string): boolean {
  if (actual === null) return false;
  if (typeof actual === 'boolean') return op === '=' && String(actual) === wanted.toLowerCase();
  if (op === '=' || op === ':') return textMatch(op, String(actual), wanted);
  const numeric = typeof actual === 'number' || /^-?\d+(\.\d+)?$/.test(actual);
  const a = numeric ? Number(actual) : actual;
  const b = numeric ? Number(wanted) : wanted;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

function managersOf(directory: Directory, person: Person): Person[] {
  const chain: Person[] = [];
  const seen = new Set<number>([person.id]);
  let current = person;
  for (;;) {
    const id = directory.company.currentJob(current).managerId;
    const next = id === null || seen.has(id) ? undefined : directory.company.person(id);
    if (!next) return chain;
    chain.push(next);
    seen.add(next.id);
    current = next;
  }
}

function managerMatches(manager: Person | undefined, wanted: string, byId: boolean): boolean {
  if (!manager) return false;
  return byId
    ? googleUserId(manager.id) === wanted
    : manager.workEmail.toLowerCase() === wanted.toLowerCase();
}

function clause(
  directory: Directory,
  field: string | undefined,
  op: Op,
  value: string,
): UserPredicate | null {
  const { company } = directory;
  const job = (p: Person) => company.currentJob(p);
  const title = (p: Person) => company.jobTitles.find((t) => t.id === job(p).jobTitleId)?.name;
  const department = (p: Person) =>
    company.departments.find((d) => d.id === job(p).departmentId)?.name;
  const flag = (get: (p: Person) => boolean): UserPredicate | null =>
    op === '=' && /^(true|false)$/i.test(value)
      ? (p) => String(get(p)) === value.toLowerCase()
      : null;
  const text = (get: (p: Person) => string | null | undefined): UserPredicate | null =>
    op === ':' || op === '=' ? (p) => textMatch(op, get(p), value) : null;
  const exact = (test: (p: Person) => boolean): UserPredicate | null => (op === '=' ? test : null);
  const givenName = (p: Person) => p.preferredName ?? p.firstName;

  switch (field) {
    case undefined:
      return (p) =>
        textMatch(':', givenName(p), value) ||
        textMatch(':', p.lastName, value) ||
        textMatch(':', p.workEmail, value);
    case 'email':
      return text((p) => p.workEmail);
    case 'givenName':
      return text(givenName);
    case 'familyName':
      return text((p) => p.lastName);
    case 'name':
      return text((p) => `${givenName(p)} ${p.lastName}`);
    case 'isAdmin':
      return flag((p) => directory.isAdmin(p));
    case 'isSuspended':
      return flag((p) => p.terminationDate !== null);
    case 'isArchived':
      return flag((p) => isArchived(directory, p));
    case 'orgUnitPath': {
      const path = value.replace(/\/+$/, '').toLowerCase();
      return exact((p) => {
        const own = directory.orgUnitPath(p).toLowerCase();
        return path === '' || own === path || own.startsWith(`${path}/`);
      });
    }
    case 'orgTitle':
      return text(title);
    case 'orgDepartment':
      return text(department);
    case 'orgCostCenter':
      return text((p) => `CC-${job(p).divisionId}${String(job(p).departmentId).padStart(3, '0')}`);
    case 'externalId':
      return exact((p) => p.employeeNumber === value);
    case 'directManager':
    case 'directManagerId': {
      const byId = field === 'directManagerId';
      return exact((p) => managerMatches(managersOf(directory, p)[0], value, byId));
    }
    case 'manager':
    case 'managerId': {
      const byId = field === 'managerId';
      return exact((p) => managersOf(directory, p).some((m) => managerMatches(m, value, byId)));
    }
  }
  const [schemaName, fieldName, ...extra] = field.split('.');
  const schema = directory.schemas.find((s) => s.schemaName === schemaName);
  const spec = schema?.fields.find((f) => f.fieldName === fieldName);
  if (!spec || extra.length > 0) return null;
  return (p) => compare(op, spec.value(p), value);
}

/** The predicate of a query, or null when the query uses what this sandbox does not support. */
export function parseUserQuery(directory: Directory, query: string): UserPredicate | null {
  const predicates: UserPredicate[] = [];
  let rest = query.trim();
  while (rest.length > 0) {
    const match = CLAUSE.exec(rest);
    if (!match) return null;
    const [whole, field, op = ':', raw = ''] = match;
    const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    const predicate = clause(directory, field, op as Op, value);
    if (!predicate) return null;
    predicates.push(predicate);
    rest = rest.slice(whole.length);
    if (rest.length > 0 && !/^\s/.test(rest)) return null;
    rest = rest.trimStart();
  }
  return (person) => predicates.every((test) => test(person));
}
