/**
 * One request's view of a Gusto account. Every employee read is the employee list: a page of it,
 * or the rows of given uuids (100 per call), so the fewest calls for N employees is ⌈N / 100⌉
 * whatever fields they need; jobs, pay and terminations ride on the same rows.
 */

import type { CallContext, EmployeeRecord, ProviderSession } from '../../core/contract/index.js';
import type { AccountId, RemoteId } from '../../core/ids.js';
import { remoteId } from '../../core/ids.js';
import type { GustoClient } from './client.js';
import type { RawFieldResolver } from './custom-fields.js';
import { createEmployeeRows } from './employee-rows.js';
import { defaultRawFields, type EmployeeInclude, includesFor } from './fields.js';
import { toCompensations, toEmployments, toStatusChanges } from './history.js';
import { listEmployeePage } from './list-employees.js';
import { toEmployeeFields, toRaw } from './normalize.js';
import { listDepartments, listLocations, readCompany } from './org.js';
import type { Json } from './shapes.js';
import { loadBalances } from './time-off.js';

export interface GustoSessionDeps {
  readonly accountId: AccountId;
  readonly company: string;
  readonly client: GustoClient;
  readonly rawFields: RawFieldResolver;
}

const none: ReadonlySet<EmployeeInclude> = new Set();
const withPay: ReadonlySet<EmployeeInclude> = new Set(['all_compensations']);

function toRecord(row: Json): EmployeeRecord {
  return { remoteId: remoteId(String(row.uuid)), fields: toEmployeeFields(row), raw: toRaw(row) };
}

export function createGustoSession(deps: GustoSessionDeps, ctx: CallContext): ProviderSession {
  const { accountId, client, company } = deps;
  const rows = createEmployeeRows(client, company, ctx);

  async function perEmployee<T>(
    ids: readonly RemoteId[],
    includes: ReadonlySet<EmployeeInclude>,
    map: (accountId: AccountId, row: Json) => T[],
  ): Promise<Map<RemoteId, T[]>> {
    const found = await rows.load(ids, includes);
    return new Map(ids.map((id) => [id, found.has(id) ? map(accountId, found.get(id)!) : []]));
  }

  return {
    async listEmployees(query) {
      const includes = includesFor(query.fields.unified, query.fields.raw);
      const page = await listEmployeePage({ client, company, includes }, query, ctx);
      rows.remember(page.records, includes);
      return { ...page, records: page.records.map(toRecord) };
    },

    async loadEmployees(groups) {
      const ids = [...new Set(groups.flatMap((group) => group.ids))];
      const includes = new Set<EmployeeInclude>();
      for (const group of groups) {
        for (const include of includesFor(group.fields.unified, group.fields.raw))
          includes.add(include);
      }
      const found = await rows.load(ids, includes);
      const out = new Map<RemoteId, EmployeeRecord>();
      for (const [id, row] of found) out.set(remoteId(id), toRecord(row));
      return out;
    },

    loadEmployments: (ids) => perEmployee(ids, none, toEmployments),
    loadCompensations: (ids) => perEmployee(ids, withPay, toCompensations),
    loadStatusHistory: (ids) => perEmployee(ids, none, toStatusChanges),
    // No time-off requests in Gusto's API (see time-off.ts); capabilities say so.
    loadTimeOff: async (ids) => new Map(ids.map((id) => [id, []])),
    loadTimeOffBalances: (ids, asOf) => loadBalances(client, company, ids, asOf, ctx),

    listGroups: () => listDepartments(client, company, ctx),
    listLocations: () => listLocations(client, company, ctx),
    company: () => readCompany(client, company, ctx),

    resolveRawFields: (names) => deps.rawFields.resolve(names, ctx),
    defaultRawFields: () => defaultRawFields,
    listCustomFields: async () => [...(await deps.rawFields.customFields(ctx))],
  };
}
