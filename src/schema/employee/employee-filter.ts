/**
 * The employee list's filter and order inputs, and their translation into the provider
 * contract's terms. A filter or order the account's provider cannot apply is a BAD_USER_INPUT
 * that names what it can do: silently ignoring it would return the wrong people.
 */

import type {
  Capabilities,
  EmployeeFilter,
  EmployeeOrder,
  EmployeeOrderField,
} from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { AccountId, RemoteId } from '../../core/ids.js';
import { builder } from '../builder.js';
import { fromGlobalId, type NodeTypename } from '../global-id.js';

export const EmployeeStatusFilterEnum = builder.enumType('EmployeeStatusFilter', {
  values: ['ACTIVE', 'INACTIVE'] as const,
});

export const EmployeeOrderFieldEnum = builder.enumType('EmployeeOrderField', {
  values: [
    'REMOTE_ID',
    'FIRST_NAME',
    'LAST_NAME',
    'JOB_TITLE',
    'STATUS',
  ] as const satisfies readonly EmployeeOrderField[],
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  values: ['ASC', 'DESC'] as const,
});

export const EmployeeFilterInput = builder.inputType('EmployeeFilter', {
  description: 'Conditions combine with AND. Text conditions are case-insensitive substrings.',
  fields: (t) => ({
    status: t.field({ type: EmployeeStatusFilterEnum }),
    firstName: t.string(),
    lastName: t.string(),
    jobTitle: t.string(),
    departments: t.idList({ description: 'Group IDs of departments; any of them matches.' }),
    ids: t.idList({ description: 'Employee IDs; any of them matches.' }),
    managers: t.idList({
      description: 'Employee IDs of managers; their direct reports match.',
    }),
  }),
});

export const EmployeeOrderInput = builder.inputType('EmployeeOrder', {
  fields: (t) => ({
    field: t.field({ type: EmployeeOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC' }),
  }),
});

export type EmployeeFilterArg = typeof EmployeeFilterInput.$inferInput;
export type EmployeeOrderArg = typeof EmployeeOrderInput.$inferInput;

/** Longest id list a filter takes: each id is a provider-side condition. */
const maxFilterIds = 1000;
const maxOrderKeys = 5;

export interface ProviderListQuery {
  readonly filter: EmployeeFilter;
  readonly order: readonly EmployeeOrder[];
  /** True when an id list is empty or names only other accounts' records: nothing can match. */
  readonly matchesNothing: boolean;
}

function remoteIdsOf(
  ids: readonly (string | number)[],
  typename: NodeTypename,
  accountId: AccountId,
  argument: string,
): RemoteId[] {
  if (ids.length > maxFilterIds) {
    throw badInput(`\`${argument}\` takes at most ${maxFilterIds} IDs.`, { argument });
  }
  // IDs of other accounts cannot match here, exactly like IDs that do not exist.
  return ids
    .map((id) => fromGlobalId(String(id), [typename]))
    .filter((decoded) => decoded.accountId === accountId)
    .map((decoded) => decoded.remoteId);
}

export function toProviderQuery(
  accountId: AccountId,
  capabilities: Capabilities,
  filterArg: EmployeeFilterArg | null | undefined,
  orderArg: readonly EmployeeOrderArg[] | null | undefined,
): ProviderListQuery {
  const filter: { -readonly [K in keyof EmployeeFilter]: EmployeeFilter[K] } = {};
  let matchesNothing = false;
  for (const [key, value] of Object.entries(filterArg ?? {})) {
    if (value == null) continue;
    const name = key as keyof EmployeeFilter;
    if (!capabilities.filters.includes(name)) {
      throw badInput(
        `Account ${accountId} cannot filter employees by \`${name}\`; it can filter by: ${capabilities.filters.join(', ') || 'nothing'}.`,
        { argument: `filter.${name}` },
      );
    }
  }
  if (filterArg?.status != null) filter.status = filterArg.status;
  if (filterArg?.firstName != null) filter.firstName = filterArg.firstName;
  if (filterArg?.lastName != null) filter.lastName = filterArg.lastName;
  if (filterArg?.jobTitle != null) filter.jobTitle = filterArg.jobTitle;
  if (filterArg?.departments != null) {
    filter.departments = remoteIdsOf(
      filterArg.departments,
      'Group',
      accountId,
      'filter.departments',
    );
    matchesNothing ||= filter.departments.length === 0;
  }
  if (filterArg?.ids != null) {
    filter.ids = remoteIdsOf(filterArg.ids, 'Employee', accountId, 'filter.ids');
    matchesNothing ||= filter.ids.length === 0;
  }
  if (filterArg?.managers != null) {
    filter.managers = remoteIdsOf(filterArg.managers, 'Employee', accountId, 'filter.managers');
    matchesNothing ||= filter.managers.length === 0;
  }
  const order = (orderArg ?? []).map((entry) => ({
    field: entry.field,
    direction: entry.direction ?? 'ASC',
  }));
  if (order.length > maxOrderKeys) {
    throw badInput(`\`orderBy\` takes at most ${maxOrderKeys} keys.`, { argument: 'orderBy' });
  }
  for (const { field } of order) {
    if (!capabilities.orders.includes(field)) {
      throw badInput(
        `Account ${accountId} cannot order employees by ${field}; it can order by: ${capabilities.orders.join(', ') || 'nothing'}.`,
        { argument: 'orderBy' },
      );
    }
  }
  return { filter, order, matchesNothing };
}
