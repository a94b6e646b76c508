/**
 * One Employee of a result against the replies: it is an employee a reply held (or the client
 * named), each unified field is the provider's normalisation of a held record (or null with a
 * coded error at or above it), each history row one a held table or window made, each direct
 * report someone whose held manager is this employee, and `remoteData` only values held.
 */
import type { EmployeeField } from '../../../src/core/model.js';
import { employeeFieldDemands } from '../../../src/schema/employee/field-demands.js';
import { fromGlobalId } from '../../../src/schema/global-id.js';
import { schema } from '../../../src/schema/index.js';
import type { Path, Walk } from './check-result.js';
import { visitFields } from './check-result.js';
import { heldSomewhere, matches, rowField } from './compare.js';
import { expectedField, expectedRows, type HistoryKind } from './expected-values.js';
import { isObjectType } from './schema-types.js';

const histories = new Set<string>([
  'employments',
  'compensations',
  'statusHistory',
  'timeOff',
  'timeOffBalances',
]);
const relations = new Set(['manager', 'department', 'division', 'location']);
const employeeType = schema.getType('Employee');

/** Whether a shown string is provider text (not an enum value or a reference's id). */
function isText(shown: string, name: string, candidates: readonly unknown[]) {
  return name.endsWith('Raw') || candidates.some((c) => typeof c === 'string' && c === shown);
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function checkEmployee(walk: Walk, employee: Record<string, unknown>, path: Path): void {
  if (!isObjectType(employeeType)) return;
  const { oracle } = walk;
  const remoteId = String(employee.remoteId ?? '');
  let account: string | null = null;
  if (typeof employee.id === 'string') {
    const identity = fromGlobalId(employee.id, ['Employee']);
    account = identity.accountId;
    if (employee.remoteId !== undefined && identity.remoteId !== remoteId) {
      walk.fail(path, 'an id that is not the remoteId');
    }
  }
  const asked = walk.asked.some((a) => a.id === remoteId);
  if (remoteId && !asked && !oracle.scalars.has(remoteId))
    walk.fail(path, 'an employee no reply held');
  const catalog = account === null ? undefined : walk.catalog(account);
  if (account === null || !catalog) {
    visitFields(walk, employee, employeeType.getFields(), path);
    return;
  }
  const at = (name: string) => [...path, name];

  for (const [name, shown] of Object.entries(employee)) {
    if (walk.covered(at(name))) continue;
    if (Object.hasOwn(employeeFieldDemands, name) && name !== 'groups') {
      const field = employeeFieldDemands[
        name as keyof typeof employeeFieldDemands
      ][0] as EmployeeField;
      const expected = expectedField(oracle, catalog, account, remoteId, field);
      if (expected === 'unverifiable') continue;
      if (!expected.candidates.some((c) => matches(shown, c, name))) {
        walk.fail(
          at(name),
          shown === null ? 'a null no reply explains, without an error' : 'a value no reply held',
        );
      } else if (
        typeof shown === 'string' &&
        !relations.has(name) &&
        isText(shown, name, expected.candidates)
      ) {
        // A text shown as it was normalised must still be (part of) something a reply held.
        if (!heldSomewhere(oracle, shown)) walk.fail(at(name), 'a value no reply held');
      }
      if (name === 'manager' && shown !== null)
        checkEmployee(walk, shown as Record<string, unknown>, at(name));
      continue;
    }
    if (histories.has(name)) {
      checkRows(
        walk,
        shown,
        at(name),
        expectedRows(oracle, catalog, account, remoteId, name as HistoryKind),
      );
      continue;
    }
    if (name === 'remoteData' && shown !== null) {
      const records = oracle.records(account, remoteId);
      for (const [key, value] of Object.entries(shown as Record<string, unknown>)) {
        if (key === catalog.idKey && value === remoteId) continue;
        if (!records.some((r) => r.values.has(key) && isDeepEqual(r.values.get(key), value))) {
          walk.fail(at(name), `remoteData.${key} holds a value no reply held`);
        }
      }
      continue;
    }
    if (name === 'directReports' && shown !== null) {
      const nodes = ((shown as { nodes?: Record<string, unknown>[] }).nodes ?? []) as Record<
        string,
        unknown
      >[];
      nodes.forEach((report, i) => {
        const reportId = String(report.remoteId);
        const manager = expectedField(oracle, catalog, account, reportId, 'manager');
        if (manager !== 'unverifiable' && !manager.candidates.includes(remoteId)) {
          walk.fail(
            [...at(name), 'nodes', i],
            'a direct report whose held manager is someone else',
          );
        }
      });
    }
    if (name === '__typename' || name === 'id' || name === 'remoteId') continue;
    visitFields(walk, { [name]: shown }, employeeType.getFields(), path);
  }
}

function checkRows(
  walk: Walk,
  shown: unknown,
  path: Path,
  expected: ReturnType<typeof expectedRows>,
): void {
  if (expected === 'unverifiable') return;
  if (shown === null) {
    if (expected !== null) walk.fail(path, 'a null no reply explains, without an error');
    return;
  }
  const rows = shown as Record<string, unknown>[];
  const held = expected?.rows ?? [];
  rows.forEach((row, i) => {
    // Balances have no id of their own: their time-off type tells them apart.
    const models = held.filter((r) =>
      row.remoteId !== undefined ? r.remoteId === row.remoteId : matches(row.type, r.type, 'type'),
    );
    if (models.length === 0) {
      walk.fail([...path, i], 'a row no reply held');
      return;
    }
    // Replies may hold one id in rows that differ (two reads of the employee): any one will do.
    const differs = (model: Record<string, unknown>) =>
      Object.entries(row).filter(
        ([name, value]) =>
          !['__typename', 'id', 'remoteId', 'employee'].includes(name) &&
          !walk.covered([...path, i, name]) &&
          !matches(value, rowField(model, name) ?? null, name),
      );
    const closest = models.map(differs).sort((a, b) => a.length - b.length)[0]!;
    for (const [name] of closest) walk.fail([...path, i, name], 'a value no reply held');
  });
  if (expected && expected.values === 1 && rows.length !== held.length) {
    walk.fail(path, `${rows.length} rows where the reply held ${held.length}`);
  }
}
