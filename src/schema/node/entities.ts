/**
 * Federation entities: `@key(fields: "id")` on the global ID. `_entities` calls every
 * `resolveReference` in one tick, so all Employee representations share one prefetch batch.
 *
 * Every representation settles on its own: a malformed one (not an object, no `__typename` naming
 * an entity type, no string `id`), an ID of another type or an ID we never issued is a
 * BAD_USER_INPUT at its index, and the others still resolve. @apollo/subgraph's own resolver
 * throws synchronously for an unknown `__typename` while mapping the list, which dropped the
 * promises of the items before it: one of them rejecting then went unhandled and ended the process
 * (issue 13). So `guardEntities` runs that resolver one representation at a time, inside an async
 * function, after checking the representation's shape.
 */
import { entitiesResolver } from '@apollo/subgraph/dist/types.js';
import type {
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLUnionType,
} from 'graphql';
import { badInput } from '../../core/errors.js';
import { builder } from '../builder.js';
import type { HrContext } from '../context.js';
import { type DecodedGlobalId, fromGlobalId, type NodeTypename } from '../global-id.js';
import { employeeSelectionOfObject } from '../lookahead.js';
import {
  CompanyRef,
  CompensationRef,
  EmployeeRef,
  EmploymentRef,
  GroupRef,
  LocationRef,
  TimeOffRef,
} from '../refs.js';
import { checkIds, resolveEach } from './id-budget.js';
import { type NodeShapes, resolveNode } from './resolve-node.js';

const key = builder.selection<{ id: string }>('id');

function reference<K extends NodeTypename>(typename: K) {
  return async function resolveReference(
    representation: { id: string },
    ctx: HrContext,
    info: GraphQLResolveInfo,
  ): Promise<NodeShapes[K] | null> {
    const id = fromGlobalId(representation.id, [typename]) as DecodedGlobalId & {
      typename: K;
    };
    return resolveNode(
      ctx,
      id,
      typename === 'Employee' ? employeeSelectionOfObject(info) : undefined,
    );
  };
}

builder.asEntity(EmployeeRef, { key, resolveReference: reference('Employee') });
builder.asEntity(CompanyRef, { key, resolveReference: reference('Company') });
builder.asEntity(GroupRef, { key, resolveReference: reference('Group') });
builder.asEntity(LocationRef, { key, resolveReference: reference('Location') });
builder.asEntity(EmploymentRef, { key, resolveReference: reference('Employment') });
builder.asEntity(CompensationRef, { key, resolveReference: reference('Compensation') });
builder.asEntity(TimeOffRef, { key, resolveReference: reference('TimeOff') });

interface Representation {
  readonly __typename: NodeTypename;
  readonly id: string;
}

/**
 * A representation of one of `entityTypes` with an ID of that type, or a BAD_USER_INPUT that names
 * its index and echoes none of its values.
 */
function checkRepresentation(entityTypes: readonly string[]) {
  return function checkOne(representation: unknown, index: number): Representation {
    const problem = (text: string) =>
      badInput(`Representation ${index} ${text}.`, { argument: 'representations', index });
    if (typeof representation !== 'object' || representation === null) {
      throw problem('is not an object');
    }
    const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
    if (typeof __typename !== 'string' || !entityTypes.includes(__typename)) {
      throw problem(`has no \`__typename\` naming an entity type (${entityTypes.join(', ')})`);
    }
    if (typeof id !== 'string') throw problem('has no `id` string (the global ID)');
    // Decoded here too, so invalid IDs count against the operation's bound before anything runs.
    fromGlobalId(id, [__typename as NodeTypename]);
    return representation as Representation;
  };
}

/**
 * Replaces the `_entities` resolver the federation plugin installed with one that checks and
 * resolves each representation on its own. Called once on the built schema, before it serves.
 */
export function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  // Duck-typed: graphql's `isUnionType` throws when Vitest loads graphql's other build for Pothos.
  const union = schema.getType('_Entity') as Partial<GraphQLUnionType> | undefined;
  if (!field || typeof union?.getTypes !== 'function') return schema;
  const check = checkRepresentation(union.getTypes().map((type) => type.name));
  const resolveEntities: GraphQLFieldResolver<unknown, HrContext> = (_root, args, ctx, info) => {
    const { representations } = args as { representations: readonly unknown[] };
    return resolveEach(
      checkIds(ctx, representations, 'representations', check),
      (representation) =>
        entitiesResolver({ representations: [representation], context: ctx, info })[0],
    );
  };
  field.resolve = resolveEntities;
  return schema;
}
