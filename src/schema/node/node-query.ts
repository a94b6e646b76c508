/**
 * `Query.node`, `Query.nodes` and `Query.employee`. Written here rather than taken from the relay
 * plugin so the Employee fields the selection needs travel with the existence check (one batch
 * for every ID of the request), and so a bad ID fails only its own item.
 */
import { badInput } from '../../core/errors.js';
import { builder } from '../builder.js';
import type { HrContext } from '../context.js';
import { fromGlobalId } from '../global-id.js';
import { employeeSelectionOfObject } from '../lookahead.js';
import { EmployeeRef } from '../refs.js';
import { checkIds, resolveEach, resolveOneId } from './id-budget.js';
import { resolveNode } from './resolve-node.js';

const NodeInterface = builder.nodeInterfaceRef();

builder.queryFields((t) => ({
  node: t.field({
    type: NodeInterface,
    description:
      'Any object by its global ID; null when it does not exist or is not yours to read.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) =>
      resolveOneId(
        ctx,
        args.id,
        'id',
        (id) => fromGlobalId(String(id)),
        (id) => resolveNode(ctx, id, employeeSelectionOfObject(info)),
      ),
  }),
  nodes: t.field({
    type: [NodeInterface],
    nullable: { list: false, items: true },
    description: 'Objects by global ID, in the order asked; null for each one not found.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx: HrContext, info) => {
      if (args.ids.length > ctx.limits.maxSize) {
        throw badInput(`\`ids\` takes at most ${ctx.limits.maxSize} IDs.`, { argument: 'ids' });
      }
      const fields = employeeSelectionOfObject(info);
      // Each item settles on its own, so one malformed ID is an error at its index only.
      const ids = checkIds(ctx, args.ids, 'ids', (id) => fromGlobalId(String(id)));
      return resolveEach(ids, (id) => resolveNode(ctx, id, fields));
    },
  }),
  employee: t.field({
    type: EmployeeRef,
    description: 'An employee by global ID.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx, info) =>
      resolveOneId(
        ctx,
        args.id,
        'id',
        (id) =>
          fromGlobalId(String(id), ['Employee']) as ReturnType<typeof fromGlobalId> & {
            typename: 'Employee';
          },
        (id) => resolveNode(ctx, id, employeeSelectionOfObject(info)),
      ),
  }),
}));
