/**
 * The employee list, shared by `Query.employees` and `Account.employees`. The list call carries
 * the fields the selection needs on its nodes (lookahead), so a directory page is one provider
 * call per page, not one per person.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ProviderAdapter } from '../../core/contract/index.js';
import type { EmployeeFieldRequest, EmployeeRow } from '../../loaders/types.js';
import { providerDefinition } from '../../providers/registry.js';
import { builder } from '../builder.js';
import { arrayPages } from '../connection/array-pages.js';
import type { ConnectionArgs } from '../connection/page-window.js';
import type { PageFetch } from '../connection/paginate.js';
import { resolveConnection } from '../connection/resolve-connection.js';
import type { HrContext } from '../context.js';
import { employeeSelectionOfConnection, managerSelectionOfConnection } from '../lookahead.js';
import { spendIds } from '../node/id-budget.js';
import { EmployeeRef } from '../refs.js';
import {
  type EmployeeFilterArg,
  type EmployeeOrderArg,
  toProviderQuery,
} from './employee-filter.js';

export const EmployeeConnection = builder.connectionObject(
  {
    type: EmployeeRef,
    name: 'EmployeeConnection',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many employees match in all, where the provider says.',
        resolve: (connection) => connection.totalCount ?? null,
      }),
    }),
  },
  { name: 'EmployeeEdge' },
);

export interface EmployeeListArgs extends ConnectionArgs {
  readonly filter?: EmployeeFilterArg | null;
  readonly orderBy?: readonly EmployeeOrderArg[] | null;
}

/**
 * A fresh row per edge: node objects are branded and must not be shared with the loaders. The
 * row keeps its store entry, so the node's fields resolve from what the page brought.
 */
export function toEmployee(row: EmployeeRow): EmployeeRow {
  return { accountId: row.accountId, remoteId: row.remoteId, entry: row.entry };
}

export function resolveEmployeeList(
  ctx: HrContext,
  adapter: ProviderAdapter,
  args: EmployeeListArgs,
  info: GraphQLResolveInfo,
) {
  const { accountId, capabilities } = adapter;
  const { ids, departments, managers } = args.filter ?? {};
  // ID filters count against the operation's bound on IDs, like `nodes` (node/id-budget.ts).
  spendIds(
    ctx,
    (ids?.length ?? 0) + (departments?.length ?? 0) + (managers?.length ?? 0),
    'filter',
  );
  const query = toProviderQuery(accountId, capabilities, args.filter, args.orderBy);
  const selection = employeeSelectionOfConnection(info);
  const managerSelection = managerSelectionOfConnection(info);
  // Resolved once per connection, on the first page fetch: the names cost nothing when unused.
  let fields: Promise<[EmployeeFieldRequest, EmployeeFieldRequest]> | undefined;
  const fieldsOnce = () => {
    fields ??= Promise.all([
      ctx.loaders.fieldRequest(accountId, selection),
      ctx.loaders.fieldRequest(accountId, managerSelection),
    ]);
    return fields;
  };
  const fetch: PageFetch<EmployeeRow> = query.matchesNothing
    ? arrayPages<EmployeeRow>([])
    : async (page) => {
        const [own, managerFields] = await fieldsOnce();
        return ctx.loaders.listEmployees(accountId, {
          filter: query.filter,
          order: query.order,
          direction: page.direction,
          limit: page.limit,
          native: page.native,
          fields: own,
          // The managers on the page cost nothing when the page can carry their fields too.
          managerFields,
        });
      };
  return resolveConnection(
    ctx,
    {
      accountId,
      shape: { kind: 'employees', filter: query.filter, order: query.order },
      args,
      fetch,
      maxPageSize: capabilities.maxPageSize,
      ...(capabilities.pagingDirections.includes('backward')
        ? {}
        : { forwardOnly: { provider: providerDefinition(adapter.provider).label } }),
    },
    toEmployee,
  );
}
