/**
 * Direct reports. The provider contract has no "manager is X" filter, so reports are found by
 * reading the account's whole employee list once per request with only the `manager` field (one
 * list call per provider page: ceil(employees / maxPageSize) calls, the same whichever and
 * however many employees ask), then paging over the matching refs in memory.
 */
import { createContextCache } from '@pothos/core';
import type { AccountId, EntityRef, RemoteId } from '../../providers/ids.js';
import type { HrContext } from '../../server/context.js';
import { arrayPages } from '../connection/array-pages.js';
import type { ConnectionArgs } from '../connection/page-window.js';
import { resolveConnection } from '../connection/resolve-connection.js';
import { toEmployee } from './employees-connection.js';

type OrgChart = Map<RemoteId, EntityRef[]>;

/** A guard against a provider that never stops returning a next page. */
const maxListPages = 10_000;

const orgCharts = createContextCache(() => new Map<AccountId, Promise<OrgChart>>());

async function readOrgChart(ctx: HrContext, accountId: AccountId): Promise<OrgChart> {
  const adapter = ctx.loaders.account(accountId);
  const chart: OrgChart = new Map();
  if (!adapter) return chart;
  let native: string | null = null;
  for (let pages = 0; pages < maxListPages; pages++) {
    const page = await ctx.loaders.listEmployees(accountId, {
      filter: {},
      order: [],
      direction: 'forward',
      limit: adapter.capabilities.maxPageSize,
      native,
      fields: { unified: ['manager'], raw: [] },
    });
    const managers = await Promise.all(
      page.records.map((ref) => ctx.loaders.employeeField(ref, 'manager')),
    );
    page.records.forEach((ref, i) => {
      const manager = managers[i];
      if (!manager) return;
      const reports = chart.get(manager) ?? [];
      reports.push(toEmployee(ref));
      chart.set(manager, reports);
    });
    native = page.next;
    if (native === null) break;
  }
  return chart;
}

function orgChartOf(ctx: HrContext, accountId: AccountId): Promise<OrgChart> {
  const charts = orgCharts(ctx);
  let chart = charts.get(accountId);
  if (!chart) {
    chart = readOrgChart(ctx, accountId);
    charts.set(accountId, chart);
  }
  return chart;
}

export async function resolveDirectReports(
  ctx: HrContext,
  manager: EntityRef,
  args: ConnectionArgs,
) {
  const adapter = ctx.loaders.account(manager.accountId);
  // A provider without reporting lines cannot answer: null, as for any field it cannot supply.
  if (!adapter?.capabilities.employeeFields.includes('manager')) return null;
  return resolveConnection(
    ctx,
    {
      accountId: manager.accountId,
      shape: { kind: 'directReports', manager: manager.remoteId },
      args,
      fetch: async (page) => {
        const chart = await orgChartOf(ctx, manager.accountId);
        return arrayPages(chart.get(manager.remoteId) ?? [])(page);
      },
      maxPageSize: ctx.limits.maxSize,
    },
    toEmployee,
  );
}
