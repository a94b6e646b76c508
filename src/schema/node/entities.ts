/**
 * Federation entities: `@key(fields: "id")` on the global ID. `_entities` calls every
 * `resolveReference` in one tick, so all Employee representations share one prefetch batch.
 * A reference whose ID names another type is a BAD_USER_INPUT at its index.
 */
import type { GraphQLResolveInfo } from 'graphql';
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
import { type NodeShapes, resolveNode } from './resolve-node.js';

const key = builder.selection<{ id: string }>('id');

function reference<K extends NodeTypename>(typename: K) {
  return async function resolveReference(
    representation: { id: string },
    ctx: HrContext,
    info: GraphQLResolveInfo,
  ): Promise<NodeShapes[K] | null> {
    const id = fromGlobalId(String(representation.id), [typename]) as DecodedGlobalId & {
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
