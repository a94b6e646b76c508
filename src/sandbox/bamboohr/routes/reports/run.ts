/**
 * Runs a custom report over the company: every employee, Active and Inactive (spec
 * request-custom-report), narrowed by `employeeIds` and `lastChanged`, with one column per known
 * field. Unknown fields are dropped silently; a field asked twice (by alias and by id) is one
 * column, named as it was first asked.
 */
import type { Person } from '../../../company/types.js';
import type { FieldCatalog, FieldDef } from '../../fields.js';
import { parseSince } from '../changed/since.js';

export interface ReportColumn {
  readonly id: string;
  readonly type: string;
  readonly name: string;
}

export interface Report {
  readonly title: string;
  readonly fields: readonly ReportColumn[];
  /** Every value a string: the spec types them so, and a missing value is ''. */
  readonly employees: ReadonlyArray<Record<string, string>>;
}

export interface ReportSpec {
  readonly title: string;
  readonly fields: readonly string[];
  readonly lastChanged?: { readonly value: string; readonly includeNull: boolean } | null;
  readonly employeeIds?: readonly number[] | null;
  readonly onlyCurrent?: boolean;
  readonly people?: (person: Person) => boolean;
}

export type RunResult =
  | { readonly ok: true; readonly report: Report }
  | { readonly ok: false; readonly message: string };

/** Known fields among `keys`, once each, keyed as first asked. */
export function resolveColumns(
  catalog: FieldCatalog,
  keys: readonly string[],
): Array<{ key: string; def: FieldDef }> {
  const seen = new Set<FieldDef>();
  const columns: Array<{ key: string; def: FieldDef }> = [];
  for (const raw of keys) {
    const key = raw.trim();
    const def = catalog.resolve(key);
    if (!def || seen.has(def)) continue;
    seen.add(def);
    columns.push({ key, def });
  }
  return columns;
}

export function runReport(catalog: FieldCatalog, spec: ReportSpec): RunResult {
  let changedSince: number | undefined;
  if (spec.lastChanged) {
    changedSince = parseSince(spec.lastChanged.value);
    if (changedSince === undefined) return { ok: false, message: 'Invalid lastChanged value' };
  }
  const ids = spec.employeeIds ? new Set(spec.employeeIds) : null;
  const columns = resolveColumns(catalog, spec.fields);
  const defs = columns.map((column) => column.def);
  const options = { onlyCurrent: spec.onlyCurrent ?? true };
  const employees: Array<Record<string, string>> = [];
  for (const person of catalog.company.people) {
    if (ids && !ids.has(person.id)) continue;
    if (changedSince !== undefined && Date.parse(person.lastChanged) < changedSince) continue;
    if (spec.people && !spec.people(person)) continue;
    const values = catalog.values(person, defs, options);
    const row: Record<string, string> = { id: String(person.id) };
    columns.forEach(function setValue(column, i) {
      // The spec types report values as strings (additionalProperties: string), so an unset
      // value is '' rather than null.
      row[column.key] = values[i] ?? '';
    });
    employees.push(row);
  }
  return {
    ok: true,
    report: {
      title: spec.title,
      fields: columns.map(({ key, def }) => ({ id: key, type: def.type, name: def.name })),
      employees,
    },
  };
}
