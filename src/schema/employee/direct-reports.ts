/**
 * `Employee.directReports`: the loaders batch every manager of one tick into one list per account
 * (src/loaders/direct-reports.ts); each field pages over its own reports in memory.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRef } from '../../core/ids.js';
import { arrayPages } from '../connection/array-pages.js';
import type { ConnectionArgs } from '../connection/page-window.js';
import { resolveConnection } from '../connection/resolve-connection.js';
import type { HrContext } from '../context.js';
import { employeeFieldsOfConnection } from '../lookahead.js';
import { toEmployee } from './employees-connection.js';

export async function resolveDirectReports(
  ctx: HrContext,
  manager: EntityRef,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
) {
  const adapter = ctx.loaders.account(manager.accountId);
  // A provider without reporting lines cannot answer: null, as for any field it cannot supply.
  if (!adapter?.capabilities.employeeFields.includes('manager')) return null;
  const fields = employeeFieldsOfConnection(info);
  return resolveConnection(
    ctx,
    {
      accountId: manager.accountId,
      shape: { kind: 'directReports', manager: manager.remoteId },
      args,
      fetch: async (page) => arrayPages(await ctx.loaders.directReports(manager, fields))(page),
      maxPageSize: ctx.limits.maxSize,
    },
    toEmployee,
  );
}
