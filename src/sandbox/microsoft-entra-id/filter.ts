/**
 * The `$filter` expressions the sandbox evaluates on users: clauses joined by `and`, each
 * `prop eq value`, `prop ne value`, `prop in (v1, v2, …)` or `startsWith(prop, 'text')`, where a
 * value is a quoted string (`''` escapes a quote), `true`, `false` or `null`. What Graph answers
 * only as an advanced query (`ne`, `not`, `endsWith`, `eq` on some properties) needs
 * `ConsistencyLevel: eventual` and `$count=true`; an `in` of more than 15 values is refused as
 * Graph refuses it. Anything else is `Request_UnsupportedQuery`, never a silent "match all".
 */
export type Literal = string | boolean | null;

export interface Clause {
  readonly property: string;
  readonly op: 'eq' | 'ne' | 'in' | 'startsWith';
  readonly values: readonly Literal[];
}

export class FilterError extends Error {
  constructor(
    readonly code: 'Request_UnsupportedQuery' | 'Request_BadRequest',
    message: string,
  ) {
    super(message);
  }
}

/** Properties `eq`/`in`/`startsWith` take without advanced query parameters (user resource). */
const DEFAULT_FILTERABLE = new Set([
  'id',
  'accountEnabled',
  'department',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'employeeId',
  'city',
  'country',
  'state',
  'usageLocation',
  'userType',
]);
/** Properties filterable only as an advanced query. */
const ADVANCED_FILTERABLE = new Set([
  'employeeType',
  'employeeHireDate',
  'companyName',
  'officeLocation',
  'mobilePhone',
  'postalCode',
  'streetAddress',
  'employeeOrgData/division',
  'employeeOrgData/costCenter',
]);

const MAX_OR_CLAUSES = 15;

const literal = String.raw`'(?:[^']|'')*'|true|false|null`;
const unsupported = (property: string) =>
  new FilterError(
    'Request_UnsupportedQuery',
    `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`,
  );

function parseLiteral(text: string): Literal {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  return text.slice(1, -1).replace(/''/g, "'");
}

/** Splits on ` and ` outside quotes. */
function splitAnd(filter: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i++) {
    if (filter[i] === "'") quoted = !quoted;
    if (quoted || filter[i] === "'") continue;
    const match = /^\s+and\s+/i.exec(filter.slice(i, i + 8));
    if (match) {
      parts.push(filter.slice(start, i));
      i += match[0].length - 1;
      start = i + 1;
    }
  }
  parts.push(filter.slice(start));
  return parts.map((p) => p.trim());
}

function parseClause(text: string): Clause {
  const compare = new RegExp(String.raw`^([A-Za-z][\w/]*)\s+(eq|ne)\s+(${literal})$`).exec(text);
  if (compare) {
    return {
      property: compare[1]!,
      op: compare[2] as 'eq' | 'ne',
      values: [parseLiteral(compare[3]!)],
    };
  }
  const list = /^([A-Za-z][\w/]*)\s+in\s+\((.*)\)$/.exec(text);
  if (list) {
    const items = list[2]!.match(new RegExp(`${literal}`, 'g')) ?? [];
    const rebuilt = items.join(',');
    if (list[2]!.replace(/\s*,\s*/g, ',').trim() !== rebuilt || items.length === 0) {
      throw new FilterError(
        'Request_BadRequest',
        `Invalid filter clause: syntax error in '${text}'.`,
      );
    }
    return { property: list[1]!, op: 'in', values: items.map(parseLiteral) };
  }
  const starts = /^startsWith\(\s*([A-Za-z][\w/]*)\s*,\s*('(?:[^']|'')*')\s*\)$/i.exec(text);
  if (starts) return { property: starts[1]!, op: 'startsWith', values: [parseLiteral(starts[2]!)] };
  throw new FilterError('Request_UnsupportedQuery', `Unsupported query: '${text}'.`);
}

export function parseFilter(filter: string, advanced: boolean): Clause[] {
  const clauses = splitAnd(filter.trim()).map(parseClause);
  for (const clause of clauses) {
    const basic = DEFAULT_FILTERABLE.has(clause.property);
    if (!basic && !ADVANCED_FILTERABLE.has(clause.property)) throw unsupported(clause.property);
    if ((clause.op === 'ne' || !basic) && !advanced) throw unsupported(clause.property);
    if (clause.op === 'in' && clause.values.length > MAX_OR_CLAUSES) {
      throw new FilterError(
        'Request_UnsupportedQuery',
        `Too many child clauses specified in search filter expression containing 'OR' operators: ${clause.values.length}. Max allowed: ${MAX_OR_CLAUSES}.`,
      );
    }
  }
  return clauses;
}

function valueAt(user: Record<string, unknown>, path: string): unknown {
  let value: unknown = user;
  for (const part of path.split('/')) {
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value ?? null;
}

/** Graph compares strings case-insensitively in directory filters. */
const fold = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

export function matches(user: Record<string, unknown>, clauses: readonly Clause[]): boolean {
  return clauses.every((clause) => {
    const value = fold(valueAt(user, clause.property));
    const values = clause.values.map(fold);
    switch (clause.op) {
      case 'eq':
        return value === values[0];
      case 'ne':
        return value !== values[0];
      case 'in':
        return values.includes(value as Literal);
      default:
        return typeof value === 'string' && value.startsWith(String(values[0]));
    }
  });
}
