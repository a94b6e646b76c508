/** Lookups by hand: one custom report names every id and every field. */

import { FIELDS_PER_CALL, IDS_PER_REPORT } from '../../minimums.js';
import type { HandApi } from './api.js';
import { chunks, customReport } from './report.js';

/** The employees in the order asked; the ones BambooHR does not know are left out. */
export async function handLookups(
  api: HandApi,
  ids: readonly string[],
  keys: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const reports = await Promise.all(
    chunks(ids, IDS_PER_REPORT).flatMap((idChunk) =>
      chunks(keys, FIELDS_PER_CALL).map((fields) => customReport(api, fields, idChunk)),
    ),
  );
  const byId = new Map<string, Record<string, unknown>>();
  for (const report of reports)
    for (const row of report) byId.set(String(row.id), { ...byId.get(String(row.id)), ...row });
  return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id)!]));
}
