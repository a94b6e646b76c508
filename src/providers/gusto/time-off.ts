/**
 * Time-off balances from GET /v1/companies/{id}/time_off_policies: one call lists every policy
 * with each member's current balance (in hours). Gusto's API v2025-06-15 has no time-off
 * requests (its "Time Off Requests" tag names no path); `time_off_activities` are per-employee,
 * per-type ledgers (two calls per person), so time-off requests are not offered.
 */

import type { CallContext } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { type RemoteId, remoteId } from '../../core/ids.js';
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

export async function loadBalances(
  client: GustoClient,
  company: string,
  ids: readonly RemoteId[],
  asOf: string | null,
  ctx: CallContext,
): Promise<Map<RemoteId, TimeOffBalance[]>> {
  if (asOf !== null) {
    throw badInput('Gusto accounts give current time-off balances only; leave out `asOf`.', {
      argument: 'asOf',
    });
  }
  const wanted = new Set<string>(ids);
  const out = new Map<RemoteId, TimeOffBalance[]>(ids.map((id) => [id, []]));
  const { body } = await client.get<Json[]>(
    'gusto.timeOffPolicies',
    `/v1/companies/${encodeURIComponent(company)}/time_off_policies`,
    ctx,
    { shape: shapes.uuidRows },
  );
  for (const policy of body) {
    if (policy.is_active === false) continue;
    const method = text(policy, 'accrual_method');
    const members = Array.isArray(policy.employees) ? policy.employees.filter(isRecord) : [];
    const { employees: _members, ...policyRaw } = policy;
    for (const member of members) {
      const id = String(member.uuid);
      if (!wanted.has(id)) continue;
      out.get(remoteId(id))?.push({
        accountId: client.accountId,
        remoteId: remoteId(`${String(policy.uuid)}:${id}`),
        employee: remoteId(id),
        type: { remoteId: remoteId(String(policy.uuid)), name: text(policy, 'name') ?? '' },
        balance: Number(member.balance ?? 0),
        // The policy list carries the balance only; usage would need the per-person ledger.
        used: null,
        unit: 'HOURS',
        policyType: method === null ? null : { value: policyTypes[method] ?? 'OTHER', raw: method },
        asOf: null,
        raw: { policy: policyRaw, balance: member.balance ?? null },
      });
    }
  }
  return out;
}
