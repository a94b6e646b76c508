/**
 * One request's view of a BambooHR account: it turns the loaders' batched demands into planned
 * BambooHR calls and their answers into unified records.
 */

import type {
  CallContext,
  EmployeeFieldRequest,
  EmployeeListQuery,
  EmployeeRecord,
  NativePage,
  ProviderSession,
} from '../../core/contract/index.js';
import { type AccountId, type RemoteId, remoteId } from '../../core/ids.js';
import type { EmployeeField, EmployeeFields, Group, Location } from '../../core/model.js';
import {
  type DemandGroup,
  type PlannedCall,
  planFieldLoad,
  planGroupedLoad,
} from '../../loaders/planner.js';
import type { BambooHrClient } from './client.js';
import type { EmployeeReadOperation, RawRecord } from './employee-operations.js';
import { employeeFieldSources, standardRawFields } from './fields.js';
import {
  type HistoryTable,
  toCompensations,
  toEmployments,
  toStatusChanges,
} from './history-tables.js';
import { listViaDataset } from './list-employees-dataset.js';
import { listViaEmployeesEndpoint } from './list-employees-endpoint.js';
import type { BambooHrMetadata, OrgLists } from './metadata.js';
import { groupRemoteId, text, unifiedValue } from './normalize.js';
import { shapes } from './shapes.js';
import { loadBalances, timeOffReadOperations, toTimeOffRequests } from './time-off.js';

export interface SessionDeps {
  readonly accountId: AccountId;
  readonly client: BambooHrClient;
  readonly metadata: BambooHrMetadata;
  readonly employeeOperations: readonly EmployeeReadOperation[];
  readonly tableOperations: readonly EmployeeReadOperation[];
  /** Whether to page with GET /v1/employees (OAuth) rather than the employee dataset. */
  readonly listWith: 'employeesEndpoint' | 'dataset';
  /** The company's size as last seen, for weighing whole-company reads. */
  readonly companySize: { value: number };
}

const orgListFields = new Set<EmployeeField>(['department', 'division', 'location']);
const numericId = /^\d+$/;

export function rawKeysFor(request: EmployeeFieldRequest): string[] {
  const keys = new Set<string>();
  for (const field of request.unified) for (const key of employeeFieldSources[field]) keys.add(key);
  for (const key of request.raw) if (key !== 'id') keys.add(key);
  return [...keys];
}

function toRecord(
  id: string,
  raw: ReadonlyMap<string, unknown>,
  unified: readonly EmployeeField[],
  lists: OrgLists | null,
): EmployeeRecord {
  const fields: Partial<Record<EmployeeField, unknown>> = {};
  for (const field of unified) {
    const sources = employeeFieldSources[field];
    // A field is known only when every source came back; a list page may carry just some.
    if (sources.every((key) => raw.has(key)) && (!orgListFields.has(field) || lists)) {
      const values = Object.fromEntries(sources.map((key) => [key, raw.get(key)]));
      fields[field] = unifiedValue(field, values, lists ?? { optionId: () => null });
    }
  }
  return { remoteId: remoteId(id), fields: fields as Partial<EmployeeFields>, raw };
}

function toMap(record: RawRecord): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const key in record) map.set(key, record[key]);
  return map;
}

export function createBambooHrSession(deps: SessionDeps, ctx: CallContext): ProviderSession {
  const { accountId, client, metadata } = deps;
  const needsLists = (fields: readonly EmployeeField[]) => fields.some((f) => orgListFields.has(f));

  function runPlan(
    operations: readonly EmployeeReadOperation[],
    ids: readonly string[],
    fields: readonly string[],
  ) {
    return runCalls(
      operations,
      planFieldLoad(operations, ids, fields, { companySize: deps.companySize.value }),
    );
  }

  function runGroups(groups: readonly DemandGroup[]) {
    const operations = deps.employeeOperations;
    return runCalls(
      operations,
      planGroupedLoad(operations, groups, { companySize: deps.companySize.value }),
    );
  }

  async function runCalls(
    operations: readonly EmployeeReadOperation[],
    plan: readonly PlannedCall[],
  ) {
    const byName = new Map(operations.map((op) => [op.name, op]));
    const results = await Promise.all(
      plan.map((call) => byName.get(call.operation)!.run(call, ctx)),
    );
    // Merged field by field into Maps: spreading records hundreds of fields wide is quadratic-slow
    // in V8 (650 fields × 1,000 employees took 28 s that way).
    const merged = new Map<string, Map<string, unknown>>();
    for (const result of results) {
      for (const [id, record] of result) {
        const into = merged.get(id) ?? new Map<string, unknown>();
        for (const key in record) into.set(key, record[key]);
        merged.set(id, into);
      }
    }
    return merged;
  }

  async function loadTable(ids: readonly RemoteId[], table: HistoryTable) {
    const merged = await runPlan(deps.tableOperations, ids, [table]);
    return (id: RemoteId) => (merged.get(id)?.get(table) as RawRecord[] | undefined) ?? [];
  }

  return {
    async listEmployees(query: EmployeeListQuery): Promise<NativePage<EmployeeRecord>> {
      const rawKeys = rawKeysFor(query.fields);
      // A department filter needs the lists before the call (names, not ids, go in the filter);
      // normalising departments on the page can fetch them alongside it.
      const listsFirst = query.filter.departments ? await metadata.lists(ctx) : null;
      const [page, lists] = await Promise.all([
        deps.listWith === 'employeesEndpoint' && !query.filter.departments && !query.filter.managers
          ? listViaEmployeesEndpoint(client, query, rawKeys, ctx)
          : listViaDataset(client, query, { rawKeys, lists: listsFirst }, ctx),
        listsFirst ?? (needsLists(query.fields.unified) ? metadata.lists(ctx) : null),
      ]);
      if (page.totalCount !== null && !query.filter.ids)
        deps.companySize.value = Math.max(deps.companySize.value, page.totalCount);
      return {
        ...page,
        records: page.records.map((raw) =>
          toRecord(String(raw.id), toMap(raw), query.fields.unified, lists),
        ),
      };
    },

    async loadEmployees(groups) {
      const valid = groups
        .map((g) => ({
          ids: [...new Set(g.ids.filter((id) => numericId.test(id)))],
          fields: g.fields,
        }))
        .filter((g) => g.ids.length > 0);
      if (valid.length === 0) return new Map();
      const unified = [...new Set(valid.flatMap((g) => g.fields.unified))];
      const [raws, lists] = await Promise.all([
        runGroups(valid.map((g) => ({ ids: g.ids, fields: rawKeysFor(g.fields) }))),
        needsLists(unified) ? metadata.lists(ctx) : Promise.resolve(null),
      ]);
      const out = new Map<RemoteId, EmployeeRecord>();
      for (const group of valid) {
        for (const id of group.ids) {
          const raw = raws.get(id);
          if (raw) out.set(remoteId(id), toRecord(id, raw, group.fields.unified, lists));
        }
      }
      return out;
    },

    async loadEmployments(ids) {
      const [rows, lists] = await Promise.all([loadTable(ids, 'jobInfo'), metadata.lists(ctx)]);
      return new Map(ids.map((id) => [id, toEmployments(accountId, rows(id), lists)]));
    },
    async loadCompensations(ids) {
      const rows = await loadTable(ids, 'compensation');
      return new Map(ids.map((id) => [id, toCompensations(accountId, rows(id))]));
    },
    async loadStatusHistory(ids) {
      const rows = await loadTable(ids, 'employmentStatus');
      return new Map(ids.map((id) => [id, toStatusChanges(accountId, rows(id))]));
    },

    async loadTimeOff(ids, window) {
      const merged = await runPlan(timeOffReadOperations(client, window), ids, ['requests']);
      return new Map(
        ids.map((id) => [
          id,
          toTimeOffRequests(accountId, (merged.get(id)?.get('requests') as never[]) ?? []),
        ]),
      );
    },
    async loadTimeOffBalances(ids, asOf) {
      const balances = await loadBalances(client, accountId, ids, asOf, ctx);
      return new Map(ids.map((id) => [id, balances.get(id) ?? []]));
    },

    async listGroups(): Promise<Group[]> {
      const lists = await metadata.lists(ctx);
      return (['division', 'department'] as const).flatMap((list) =>
        lists.options(list).map((option) => ({
          accountId,
          remoteId: groupRemoteId(list, option.id),
          name: option.name,
          type: list === 'department' ? ('DEPARTMENT' as const) : ('DIVISION' as const),
          parent: null,
          raw: { list, ...option },
        })),
      );
    },
    async listLocations(): Promise<Location[]> {
      const lists = await metadata.lists(ctx);
      // Addresses live behind the OAuth-only /hris/org/locations; the list gives names.
      return lists.options('location').map((option) => ({
        accountId,
        remoteId: groupRemoteId('location', option.id),
        name: option.name,
        address: null,
        timezone: null,
        raw: { ...option },
      }));
    },
    async company() {
      const info = await client.get<RawRecord>(
        'bamboohr.companyInformation',
        '/v1/company_information',
        ctx,
        { shape: shapes.record },
      );
      const raw = info ?? {};
      const address = (raw.address ?? {}) as RawRecord;
      return {
        accountId,
        remoteId: remoteId(accountId),
        legalName: text(raw, 'legalName'),
        displayName: text(raw, 'displayName'),
        address: {
          line1: text(address, 'line1'),
          line2: text(address, 'line2'),
          city: text(address, 'city'),
          state: text(address, 'state'),
          postalCode: text(address, 'zip'),
          country: text(address, 'country'),
        },
        phone: text(raw, 'phone'),
        raw,
      };
    },

    resolveRawFields: (names) => metadata.resolveFields(names, ctx),
    defaultRawFields: () => standardRawFields,
  };
}
