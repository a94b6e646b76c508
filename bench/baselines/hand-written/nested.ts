/**
 * Nested by hand: the page, the whole compensation table and the year's time off at once (none
 * of them needs the page's ids), then one report for the managers the page does not hold.
 */
import type { HandApi } from './api.js';
import { listPage } from './directory.js';
import { customReport } from './report.js';

type Row = Record<string, unknown>;

export interface NestedRow {
  readonly employee: Row;
  readonly manager: Row | null;
  readonly compensations: readonly Row[];
  readonly timeOff: readonly Row[];
}

function groupBy(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const id = String(row.employeeId);
    const list = out.get(id);
    if (list) list.push(row);
    else out.set(id, [row]);
  }
  return out;
}

export async function handNested(
  api: HandApi,
  people: number,
  pageKeys: readonly string[],
  managerKeys: readonly string[],
  window: { readonly start: string; readonly end: string },
  sort: string,
): Promise<NestedRow[]> {
  const [page, compensation, timeOff] = await Promise.all([
    listPage(api, people, pageKeys, null, sort),
    api.get<Row[]>('/v1/employees/all/tables/compensation'),
    api.get<Row[]>('/v1/time_off/requests', window),
  ]);
  const inPage = new Map(page.data.map((row) => [String(row.employeeId), row]));
  const outside = [...new Set(page.data.map((row) => String(row.reportsToId ?? '')))].filter(
    (id) => id !== '' && id !== '0' && id !== 'null' && !inPage.has(id),
  );
  const managers =
    outside.length > 0 ? await customReport(api, managerKeys, outside) : ([] as Row[]);
  const managerById = new Map<string, Row>([
    ...inPage,
    ...managers.map((row) => [String(row.id), row] as const),
  ]);
  const pay = groupBy(compensation);
  const leave = groupBy(timeOff);
  return page.data.map((employee) => {
    const id = String(employee.employeeId);
    return {
      employee,
      manager: managerById.get(String(employee.reportsToId)) ?? null,
      compensations: pay.get(id) ?? [],
      timeOff: leave.get(id) ?? [],
    };
  });
}
