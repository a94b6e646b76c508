/**
 * One employee's reads for the naive baseline, each a call of its own: no batch, no plan, no
 * memory of what an earlier field already fetched.
 */

import type { CallContext, DateWindow } from '../../src/core/contract/index.js';
import type { EntityRef } from '../../src/core/ids.js';
import type { EmployeeField, EmployeeFields } from '../../src/core/model.js';
import { employeeFieldSources } from '../../src/providers/bamboohr/fields.js';
import {
  type HistoryTable,
  toCompensations,
  toEmployments,
  toStatusChanges,
} from '../../src/providers/bamboohr/history-tables.js';
import type { OrgLists } from '../../src/providers/bamboohr/lookups.js';
import { unifiedValue } from '../../src/providers/bamboohr/normalize.js';
import { shapes } from '../../src/providers/bamboohr/shapes.js';
import { timeOffHistories, toTimeOffRequests } from '../../src/providers/bamboohr/time-off.js';
import type { NaiveAccount } from './naive-loaders.js';

type RawRecord = Record<string, unknown>;

const noLookups = {
  get<T>(): T {
    throw new Error('balances read no lookups');
  },
};

/** Get Employee's documented ceiling. */
const FIELDS_PER_GET = 400;
const orgLists = new Set<EmployeeField>(['department', 'division', 'location']);

export function createNaiveEmployeeReads(
  { client, lists }: NaiveAccount,
  ref: EntityRef,
  ctx: CallContext,
) {
  const id = encodeURIComponent(ref.remoteId);

  function getEmployee(fields: readonly string[]) {
    return client.get<RawRecord>('bamboohr.getEmployee', `/v1/employees/${id}`, ctx, {
      query: fields.length > 0 ? { fields: fields.join(',') } : {},
      fields: fields.length,
      ids: 1,
      notFoundIsNull: true,
      shape: shapes.record,
    });
  }

  async function table(name: HistoryTable) {
    const rows = await client.get<RawRecord[]>(
      'bamboohr.employeeTable',
      `/v1/employees/${id}/tables/${name}`,
      ctx,
      { ids: 1, notFoundIsNull: true, shape: shapes.rows },
    );
    return rows ?? [];
  }

  return {
    exists: async () => (await getEmployee([])) !== null,

    async field<F extends EmployeeField>(field: F): Promise<EmployeeFields[F] | null> {
      const sources = employeeFieldSources[field];
      if (sources.length === 0) return null;
      const record = await getEmployee(sources);
      if (!record) return null;
      const index: OrgLists | { optionId: () => null } = orgLists.has(field)
        ? await lists(ctx)
        : { optionId: () => null };
      return unifiedValue(field, record, index);
    },

    async raw(keys: readonly string[]): Promise<Record<string, unknown>> {
      const chunks: string[][] = [];
      for (let at = 0; at < keys.length; at += FIELDS_PER_GET)
        chunks.push(keys.slice(at, at + FIELDS_PER_GET));
      const records = await Promise.all(chunks.map((chunk) => getEmployee(chunk)));
      const merged: Record<string, unknown> = {};
      for (const record of records) Object.assign(merged, record);
      return Object.fromEntries(keys.map((key) => [key, merged[key] ?? null]));
    },

    employments: async () => toEmployments(ref, await table('jobInfo'), await lists(ctx)),
    compensations: async () => toCompensations(ref, await table('compensation')),
    statusHistory: async () => toStatusChanges(ref, await table('employmentStatus')),

    async timeOff(window: DateWindow) {
      const rows = await client.get<Parameters<typeof toTimeOffRequests>[1]>(
        'bamboohr.timeOffRequests',
        '/v1/time_off/requests',
        ctx,
        {
          query: { start: window.start, end: window.end, employeeId: ref.remoteId },
          ids: 1,
          shape: shapes.rows,
        },
      );
      return toTimeOffRequests(ref, rows ?? []);
    },

    async timeOffBalances(asOf: string | null) {
      const rows = await client.get<RawRecord[]>(
        'bamboohr.timeOffBalance',
        `/v1/employees/${id}/time_off/calculator`,
        ctx,
        { query: { end: asOf ?? undefined }, ids: 1, notFoundIsNull: true, shape: shapes.rows },
      );
      return timeOffHistories.timeOffBalances!.rows(rows, ref, noLookups, asOf);
    },
  };
}
