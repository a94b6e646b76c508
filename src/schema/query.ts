/** Root fields over accounts and their employees. */
import { isAccountId } from '../core/ids.js';
import { pickAccount } from './account-scope.js';
import { builder } from './builder.js';
import { EmployeeFilterInput, EmployeeOrderInput } from './employee/employee-filter.js';
import { EmployeeConnection, resolveEmployeeList } from './employee/employees-connection.js';
import { AccountRef, EmployeeRef } from './refs.js';

builder.queryFields((t) => ({
  accounts: t.field({
    type: [AccountRef],
    nullable: false,
    description: 'The connected accounts you can read.',
    resolve: (_root, _args, ctx) => [...ctx.loaders.accounts()],
  }),
  account: t.field({
    type: AccountRef,
    description: 'A connected account by its id; null when there is none you can read.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => {
      const id = String(args.id);
      return isAccountId(id) ? (ctx.loaders.account(id) ?? null) : null;
    },
  }),
  employees: t.connection(
    {
      type: EmployeeRef,
      description:
        'Employees of one account. `account` may be left out when exactly one is connected.',
      args: {
        account: t.arg.id({ description: 'The account id (see `accounts`).' }),
        filter: t.arg({ type: EmployeeFilterInput }),
        orderBy: t.arg({ type: [EmployeeOrderInput] }),
      },
      resolve: (_root, args, ctx, info) =>
        resolveEmployeeList(ctx, pickAccount(ctx, args.account), args, info),
    },
    EmployeeConnection,
  ),
}));
