/**
 * Refetching any object by its global ID, for `node`, `nodes`, `employee` and federation's
 * `_entities`. An ID of an account the caller cannot read resolves to null exactly like an ID
 * of a record that does not exist; a malformed ID is a BAD_USER_INPUT.
 */
import { brandWithType } from '@pothos/core';
import type { EntityRef } from '../../core/ids.js';
import type {
  Company,
  Compensation,
  Employment,
  EmploymentStatusChange,
  Group,
  Location,
  TimeOffRequest,
} from '../../core/model.js';
import type { EmployeeRow, EmployeeSelection } from '../../loaders/types.js';
import type { HrContext } from '../context.js';
import type { DecodedGlobalId, NodeTypename } from '../global-id.js';
import {
  CompanyRef,
  CompensationRef,
  EmployeeRef,
  EmploymentRef,
  GroupRef,
  LocationRef,
  StatusChangeRef,
  TimeOffRef,
} from '../refs.js';

const noSelection: EmployeeSelection = { unified: [], rawNames: [], defaultRaw: false };

export interface NodeShapes {
  Employee: EmployeeRow;
  Company: Company;
  Group: Group;
  Location: Location;
  Employment: Employment;
  Compensation: Compensation;
  EmploymentStatusChange: EmploymentStatusChange;
  TimeOff: TimeOffRequest;
}

const refs = {
  Employee: EmployeeRef,
  Company: CompanyRef,
  Group: GroupRef,
  Location: LocationRef,
  Employment: EmploymentRef,
  Compensation: CompensationRef,
  EmploymentStatusChange: StatusChangeRef,
  TimeOff: TimeOffRef,
} as const;

/** A branded copy, so `Node` resolves its type and the loaders' cached objects stay untouched. */
function branded<K extends NodeTypename>(typename: K, value: NodeShapes[K] | null | undefined) {
  if (!value) return null;
  const copy = { ...value };
  brandWithType(copy, refs[typename]);
  return copy;
}

function byRemoteId<T extends EntityRef>(
  rows: readonly T[] | null,
  id: DecodedGlobalId,
): T | undefined {
  return rows?.find((row) => row.remoteId === id.remoteId);
}

async function load(ctx: HrContext, id: DecodedGlobalId, selection: EmployeeSelection) {
  const ref: EntityRef = { accountId: id.accountId, remoteId: id.remoteId };
  const owner: EntityRef | null = id.owner ? { accountId: id.accountId, remoteId: id.owner } : null;
  switch (id.typename) {
    case 'Employee':
      return ctx.loaders.employee(ref, selection);
    case 'Group':
      return ctx.loaders.group(ref);
    case 'Location':
      return ctx.loaders.location(ref);
    case 'Company': {
      const company = await ctx.loaders.company(id.accountId);
      return company.remoteId === id.remoteId ? company : null;
    }
    case 'Employment':
      return owner && byRemoteId(await ctx.loaders.employments(owner), id);
    case 'Compensation':
      return owner && byRemoteId(await ctx.loaders.compensations(owner), id);
    case 'EmploymentStatusChange':
      return owner && byRemoteId(await ctx.loaders.statusHistory(owner), id);
    case 'TimeOff': {
      if (!owner || !id.hint) return null;
      const window = { start: id.hint, end: id.hint };
      return byRemoteId(await ctx.loaders.timeOff(owner, window), id);
    }
  }
}

/**
 * Resolves a decoded ID to its object, or null. `selection` is what the caller's selection needs
 * of an Employee, loaded in the same batch as the existence check.
 */
export async function resolveNode<K extends NodeTypename>(
  ctx: HrContext,
  id: DecodedGlobalId & { typename: K },
  selection: EmployeeSelection = noSelection,
): Promise<NodeShapes[K] | null> {
  if (!ctx.loaders.account(id.accountId)) return null;
  const value = (await load(ctx, id, selection)) as NodeShapes[K] | null | undefined;
  return branded(id.typename, value) as NodeShapes[K] | null;
}
