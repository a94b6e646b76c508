/**
 * The wide page: one list page with every standard field and the custom fields named in the
 * request, through the script's plan (the list, then reports of at most 400 fields for the rest).
 */
import type { FieldSelection } from '../../../scenarios/fields.js';
import { handWide } from '../../hand-written/wide.js';
import { customValues, employeeShape, mergedRecord } from '../employee-json.js';
import { checkAccount, type Endpoint, pageSize, stringList } from './endpoint.js';

export function wideEndpoint(selection: readonly FieldSelection[]): Endpoint {
  const shape = employeeShape(selection);
  return async function answerWide(variables, ctx) {
    checkAccount(variables, ctx);
    const first = pageSize(variables.first);
    const names = stringList(variables.names, 'names');
    const [optionIds] = await Promise.all([
      ctx.metadata.optionIds(ctx.api),
      ctx.metadata.checkFieldNames(ctx.api, names),
    ]);
    const rows = await handWide(ctx.api, first, [...shape.keys, ...names]);
    const shaping = { account: ctx.account, optionIds };
    const nodes: Record<string, unknown>[] = [];
    for (const [id, row] of rows) {
      const read = mergedRecord(row);
      const node = shape.write(id, read, shaping);
      node.customFields = customValues(read, names);
      nodes.push(node);
    }
    return { employees: { nodes } };
  };
}
