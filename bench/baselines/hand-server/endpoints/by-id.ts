/**
 * Employees by hrgraph ID, with custom fields: `nodes(ids:)` for the lookups scenario and
 * `_entities(representations:)` for the federation scenario's gateway. One custom report names
 * every id and every field (the script's plan); an id BambooHR does not return, or one of
 * another account, is null, in its place.
 */
import type { FieldSelection } from '../../../scenarios/fields.js';
import { handLookups } from '../../hand-written/lookups.js';
import { customValues, employeeShape, reportRow } from '../employee-json.js';
import { HandInputError } from '../errors.js';
import { remoteIdOf } from '../wire-format.js';
import { type Endpoint, type EndpointContext, MAX_ITEMS, stringList } from './endpoint.js';

function byIds(selection: readonly FieldSelection[]) {
  const shape = employeeShape(selection);
  return async function answerByIds(
    ids: readonly unknown[],
    names: string[],
    ctx: EndpointContext,
  ) {
    const remote = ids.map((id) => remoteIdOf(id, 'Employee', ctx.account));
    await ctx.metadata.checkFieldNames(ctx.api, names);
    const wanted = [...new Set(remote.filter((id): id is string => id !== null))];
    const rows =
      wanted.length === 0
        ? new Map<string, Record<string, unknown>>()
        : await handLookups(ctx.api, wanted, [...shape.keys, ...names]);
    const shaping = { account: ctx.account, optionIds: null };
    return remote.map((id) => {
      const row = id === null ? undefined : rows.get(id);
      if (id === null || row === undefined) return null;
      const read = reportRow(row);
      const node = shape.write(id, read, shaping);
      node.customFields = customValues(read, names);
      return node;
    });
  };
}

export function nodesEndpoint(selection: readonly FieldSelection[]): Endpoint {
  const answer = byIds(selection);
  return async function answerNodes(variables, ctx) {
    const names = stringList(variables.names, 'names');
    return { nodes: await answer(stringList(variables.ids, 'ids'), names, ctx) };
  };
}

export function entitiesEndpoint(selection: readonly FieldSelection[]): Endpoint {
  const answer = byIds(selection);
  return async function answerEntities(variables, ctx) {
    const names = stringList(variables.names, 'names');
    const representations = variables.representations;
    if (!Array.isArray(representations) || representations.length > MAX_ITEMS)
      throw new HandInputError(`\`representations\` must be a list of at most ${MAX_ITEMS}.`);
    const ids = representations.map((r: { __typename?: unknown; id?: unknown } | null) => {
      if (r?.__typename !== 'Employee')
        throw new HandInputError('Only Employee entities are served.');
      return r.id;
    });
    return { _entities: await answer(ids, names, ctx) };
  };
}
