/**
 * Type references, declared apart from their fields so types that point at each other (an
 * Employee's manager, a Group's parent, a job-history row's employee) import a ref, not a module
 * cycle (G8). Each Node's `id` is its global ID: the type, the account and the provider's id, plus
 * the owning employee for history rows (they are reachable only through their employee).
 */

import type { ProviderAdapter } from '../core/contract/index.js';
import type { EntityRef } from '../core/ids.js';
import type {
  Address,
  Company,
  Compensation,
  Employment,
  EmploymentStatusChange,
  Group,
  Location,
  Money,
  TimeOffBalance,
  TimeOffRequest,
} from '../core/model.js';
import type { EmployeeRow } from '../loaders/types.js';
import { builder } from './builder.js';
import { nodeKey } from './global-id.js';

function plainKey(record: EntityRef): string {
  return nodeKey({ accountId: record.accountId, remoteId: record.remoteId });
}

/**
 * Employee is a Node whose `id` resolves synchronously (employee.ts): the relay plugin's node
 * refs resolve ids through a Promise, and a page of 1,000 employees would pay for 1,000 of them.
 */
export const EmployeeRef = builder.objectRef<EmployeeRow>('Employee');
export const CompanyRef = builder.nodeRef<Company>('Company', { id: { resolve: plainKey } });
export const GroupRef = builder.nodeRef<Group>('Group', { id: { resolve: plainKey } });
export const LocationRef = builder.nodeRef<Location>('Location', { id: { resolve: plainKey } });

function rowKey(row: EntityRef & { readonly employee: EntityRef['remoteId'] }): string {
  return nodeKey({ accountId: row.accountId, remoteId: row.remoteId, owner: row.employee });
}

export const EmploymentRef = builder.nodeRef<Employment>('Employment', {
  id: { resolve: rowKey },
});
export const CompensationRef = builder.nodeRef<Compensation>('Compensation', {
  id: { resolve: rowKey },
});
export const StatusChangeRef = builder.nodeRef<EmploymentStatusChange>('EmploymentStatusChange', {
  id: { resolve: rowKey },
});
// The contract loads time off by employee and date window only, so the ID keeps the start date.
export const TimeOffRef = builder.nodeRef<TimeOffRequest>('TimeOff', {
  id: {
    resolve: (request) =>
      nodeKey({
        accountId: request.accountId,
        remoteId: request.remoteId,
        owner: request.employee,
        hint: request.startDate,
      }),
  },
});

export const AccountRef = builder.objectRef<ProviderAdapter>('Account');
export const TimeOffBalanceRef = builder.objectRef<TimeOffBalance>('TimeOffBalance');
export const MoneyRef = builder.objectRef<Money>('Money');
export const AddressRef = builder.objectRef<Address>('Address');
export const TimeOffTypeRef = builder.objectRef<TimeOffRequest['type']>('TimeOffType');
