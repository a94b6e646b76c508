/**
 * Wide by hand: the page of employees with every field the list call can carry, then custom
 * reports (400 fields and 1,000 ids at most each) for the rest, all at once.
 */
import { FIELDS_PER_CALL, IDS_PER_REPORT, listCarries } from '../../minimums.js';
import type { HandApi } from './api.js';
import { listPage } from './directory.js';
import { chunks, customReport } from './report.js';

export async function handWide(
  api: HandApi,
  people: number,
  keys: readonly string[],
): Promise<Map<string, Map<string, unknown>>> {
  const page = await listPage(api, people, keys, null);
  const rows = new Map<string, Map<string, unknown>>();
  for (const record of page.data)
    rows.set(String(record.employeeId), new Map(Object.entries(record)));
  const carried = new Set(listCarries(keys));
  const rest = keys.filter((key) => !carried.has(key));
  if (rest.length === 0) return rows;
  const ids = [...rows.keys()];
  const reports = await Promise.all(
    chunks(ids, IDS_PER_REPORT).flatMap((idChunk) =>
      chunks(rest, FIELDS_PER_CALL).map((fields) => customReport(api, fields, idChunk)),
    ),
  );
  // Field by field into Maps: objects hundreds of fields wide are slow to build in V8.
  for (const report of reports) {
    for (const row of report) {
      const into = rows.get(String(row.id));
      if (!into) continue;
      for (const key in row) into.set(key, row[key]);
    }
  }
  return rows;
}
