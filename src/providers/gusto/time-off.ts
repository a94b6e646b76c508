/**
 * Time-off balances from GET /v1/companies/{id}/time_off_policies: one call lists every policy
 * with each member's current balance (in hours), so it is a read of the whole company, and the
 * balances of a page cost that one call. Gusto's API v2025-06-15 has no time-off requests (its
 * "Time Off Requests" tag names no path); `time_off_activities` are per-employee, per-type
 * ledgers (two calls per person), so time-off requests are not offered.
 */

import {
  argumentKey,
  type HistorySource,
  keyArgument,
  type ProviderKey,
  type RawReply,
  type ReadOperation,
} from '../../core/contract/index.js';
import { badInput, ErrorCode, hrError } from '../../core/errors.js';
import { type EntityRef, remoteId } from '../../core/ids.js';
import type { TimeOffBalance, TimeOffPolicyType } from '../../core/model.js';
import type { GustoClient } from './client.js';
import { text } from './normalize.js';
import { isRecord, type Json, shapes } from './shapes.js';

const policyTypes: Readonly<Record<string, TimeOffPolicyType>> = {
  unlimited: 'DISCRETIONARY',
  per_pay_period: 'ACCRUING',
  per_calendar_year: 'ACCRUING',
  per_anniversary_year: 'ACCRUING',
  per_hour_worked: 'ACCRUING',
  per_hour_paid: 'ACCRUING',
};

/** One member's place in one policy: what a balance is made from. */
interface Membership {
  readonly policy: Json;
  readonly balance: unknown;
}

/** The key balances are stored under: `balances@` (today's, the only ones Gusto gives). */
export const balancesKey = (asOf: string | null): ProviderKey =>
  argumentKey('balances', asOf ?? '');

/** Rough bytes of one employee's balances, for the planner. */
const bytesPerEmployeeBalances = 300;

export function timeOffPoliciesRead(client: GustoClient, company: string): ReadOperation {
  return {
    name: 'gusto.timeOffPolicies',
    supplies: (key) => keyArgument(key)?.name === 'balances',
    limits: { fieldsPerCall: 1, idsPerCall: { kind: 'all' } },
    bytesPerRecord: bytesPerEmployeeBalances,
    // Whoever belongs to no policy is absent from every one, yet exists.
    provesExistence: false,
    async run(call, ctx): Promise<RawReply[]> {
      const key = call.fields[0]!;
      if (keyArgument(key)?.argument !== '') {
        throw badInput('Gusto accounts give current time-off balances only; leave out `asOf`.', {
          argument: 'asOf',
        });
      }
      const { body } = await client.get<Json[]>(
        'gusto.timeOffPolicies',
        `/v1/companies/${encodeURIComponent(company)}/time_off_policies`,
        ctx,
        { shape: shapes.uuidRows },
      );
      const byMember = new Map<unknown, Membership[]>();
      for (const policy of body) {
        if (policy.is_active === false) continue;
        const { employees: members, ...policyRaw } = policy;
        for (const member of Array.isArray(members) ? members.filter(isRecord) : []) {
          // A member without a uuid stays apart under its own (missing) id: the loaders refuse it.
          const list = byMember.get(member.uuid) ?? [];
          list.push({ policy: policyRaw, balance: member.balance ?? null });
          byMember.set(member.uuid, list);
        }
      }
      return [...byMember].map(([id, memberships]) => ({
        id,
        values: new Map([[key, memberships]]),
      }));
    },
  };
}

/** The balances as the contract's history source. */
export const balancesHistory: HistorySource<TimeOffBalance, string | null> = {
  key: balancesKey,
  rows: (value, owner) =>
    (Array.isArray(value) ? (value as Membership[]) : []).map((m) => toBalance(owner, m)),
};

/**
 * A member's balance: the spec sends hours as a decimal string. One that is missing or no number
 * is Gusto's fault, UPSTREAM_BAD_RESPONSE at the balances: `Number()` would show a made-up 0 for
 * the missing one and fail GraphQL's Float (an uncoded error) for the rest.
 */
function hours(balance: unknown): number {
  const value = typeof balance === 'string' && balance.trim() !== '' ? Number(balance) : Number.NaN;
  if (Number.isFinite(value)) return value;
  throw hrError(
    ErrorCode.UPSTREAM_BAD_RESPONSE,
    'Gusto sent a time-off balance that is not a number of hours',
    { field: 'balance' },
  );
}

function toBalance(owner: EntityRef, { policy, balance }: Membership): TimeOffBalance {
  const method = text(policy, 'accrual_method');
  return {
    accountId: owner.accountId,
    remoteId: remoteId(`${String(policy.uuid)}:${owner.remoteId}`),
    employee: owner.remoteId,
    type: { remoteId: remoteId(String(policy.uuid)), name: text(policy, 'name') ?? '' },
    balance: hours(balance),
    // The policy list carries the balance only; usage would need the per-person ledger.
    used: null,
    unit: 'HOURS',
    policyType: method === null ? null : { value: policyTypes[method] ?? 'OTHER', raw: method },
    asOf: null,
    raw: { policy, balance },
  };
}
