/** Employee fields that point at other records: groups, location, reporting line, company. */
import { completeValue } from '@pothos/core';
import type { Group } from '../../core/model.js';
import { orgIndexFreshnessMs } from '../../loaders/index.js';
import { builder } from '../builder.js';
import { AccountRef, CompanyRef, EmployeeRef, GroupRef, LocationRef } from '../refs.js';
import { employeeOf, groupOf, locationOf } from '../types/lookups.js';
import { resolveDirectReports } from './direct-reports.js';
import { loadFor } from './employee.js';
import { EmployeeConnection } from './employees-connection.js';

const loadDepartment = loadFor('department');
const loadDivision = loadFor('division');
const loadLocation = loadFor('location');
const loadManager = loadFor('manager');

builder.objectFields(EmployeeRef, (t) => ({
  department: t.field({
    type: GroupRef,
    resolve: async (ref, args, ctx) =>
      groupOf(ctx, ref.accountId, await loadDepartment(ref, args, ctx)),
  }),
  division: t.field({
    type: GroupRef,
    resolve: async (ref, args, ctx) =>
      groupOf(ctx, ref.accountId, await loadDivision(ref, args, ctx)),
  }),
  groups: t.field({
    type: [GroupRef],
    nullable: { list: true, items: false },
    description: 'Every group the employee belongs to (department, division, …).',
    resolve: async (ref, args, ctx) => {
      const ids = await Promise.all([loadDepartment(ref, args, ctx), loadDivision(ref, args, ctx)]);
      const groups = await Promise.all(ids.map((id) => groupOf(ctx, ref.accountId, id)));
      return groups.filter((group): group is Group => group !== null);
    },
  }),
  location: t.field({
    type: LocationRef,
    description: 'Where the employee works.',
    resolve: async (ref, args, ctx) =>
      locationOf(ctx, ref.accountId, await loadLocation(ref, args, ctx)),
  }),
  manager: t.field({
    type: EmployeeRef,
    resolve: (row, args, ctx) =>
      completeValue(loadManager(row, args, ctx), (id) => employeeOf(ctx, row.accountId, id)),
  }),
  directReports: t.connection(
    {
      type: EmployeeRef,
      description: `People whose current manager this employee is. Every \`directReports\` of a request shares one provider list per account. Where the provider cannot list by manager, who reports to whom comes from the account's org index, read from its employee list and kept for up to ${orgIndexFreshnessMs / 60_000} minutes; the reports' own fields are read with each request.`,
      resolve: (ref, args, ctx, info) => resolveDirectReports(ctx, ref, args, info),
    },
    EmployeeConnection,
  ),
  company: t.field({
    type: CompanyRef,
    resolve: async (ref, _args, ctx) => ({ ...(await ctx.loaders.company(ref.accountId)) }),
  }),
  account: t.field({
    type: AccountRef,
    nullable: false,
    resolve: (ref, _args, ctx) => {
      const adapter = ctx.loaders.account(ref.accountId);
      if (!adapter) throw new Error('An employee of an account the caller cannot read');
      return adapter;
    },
  }),
}));
