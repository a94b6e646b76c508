/** A BambooHR custom report by hand: up to 400 fields for a list of employee ids, in one call. */
import type { HandApi } from './api.js';

export interface ReportRow extends Record<string, unknown> {
  readonly id: string | number;
}

export async function customReport(
  api: HandApi,
  fields: readonly string[],
  employeeIds: readonly (string | number)[],
): Promise<readonly ReportRow[]> {
  const report = await api.post<{ employees?: ReportRow[] }>(
    '/v1/reports/custom',
    { format: 'JSON', onlyCurrent: 'true' },
    { title: 'bench', fields, filters: { employeeIds: employeeIds.map(Number) } },
  );
  return report.employees ?? [];
}

/** `items` in runs of at most `size`, as even as they can be. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const parts = Math.max(1, Math.ceil(items.length / size));
  const out: T[][] = [];
  for (let i = 0; i < parts; i++) {
    out.push(
      items.slice(
        Math.floor((i * items.length) / parts),
        Math.floor(((i + 1) * items.length) / parts),
      ),
    );
  }
  return out;
}
