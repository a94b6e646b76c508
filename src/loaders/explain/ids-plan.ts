/**
 * The plan of employees looked up by id (`node`, `nodes`, `employee`, `_entities`): one
 * existence-and-fields batch per account, as employee-lookup.ts makes it, planned by the same
 * `planLacking`. The document decides every number here: the ids are given.
 */
import type { ProviderAdapter } from '../../core/contract/index.js';
import { type Lacking, planLacking } from '../demand-groups.js';
import { keysOf } from '../request-state.js';
import type { EmployeeFieldRequest } from '../types.js';
import type { PlanPart } from './types.js';

export interface IdsPlanInput {
  readonly path: string;
  readonly adapter: ProviderAdapter;
  /** Remote ids as the client named them; those the provider could never have issued cost nothing. */
  readonly ids: readonly string[];
  readonly fields: EmployeeFieldRequest;
}

export function planIds(input: IdsPlanInput): PlanPart[] {
  const { adapter, path } = input;
  const { keys } = keysOf(adapter, input.fields);
  const sendable = [...new Set(input.ids)].filter(adapter.employees.isRemoteId);
  const lacking = new Map<string, Lacking>(
    sendable.map((id) => [id, { keys, exists: true, merged: false }]),
  );
  const byOperation = new Map<string, number>();
  for (const call of planLacking(adapter.employees.reads, lacking, { companySize: 0 })) {
    byOperation.set(call.operation, (byOperation.get(call.operation) ?? 0) + 1);
  }
  return [...byOperation].map(([operation, calls]) => ({
    path,
    accountId: adapter.accountId,
    operation,
    calls: { min: calls, max: calls },
  }));
}
