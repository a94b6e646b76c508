/** Small helpers for fields that hold another record's provider id. */
import type { AccountId, RemoteId } from '../../core/ids.js';
import type { Group, Location } from '../../core/model.js';
import type { EmployeeRow } from '../../loaders/types.js';
import type { HrContext } from '../context.js';

export function groupOf(
  ctx: HrContext,
  accountId: AccountId,
  remoteId: RemoteId | null,
): Promise<Group | null> | null {
  return remoteId ? ctx.loaders.group({ accountId, remoteId }) : null;
}

export function locationOf(
  ctx: HrContext,
  accountId: AccountId,
  remoteId: RemoteId | null,
): Promise<Location | null> | null {
  return remoteId ? ctx.loaders.location({ accountId, remoteId }) : null;
}

/** An employee another record names; whether it exists is for its fields to find out. */
export function employeeOf(
  ctx: HrContext,
  accountId: AccountId,
  remoteId: RemoteId | null,
): EmployeeRow | null {
  return remoteId ? ctx.loaders.row({ accountId, remoteId }) : null;
}
