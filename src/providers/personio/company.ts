/**
 * The account's company. Personio's public API has no company endpoint (v1 or v2), so the
 * company is known by what the account names it (its Personio company id, or a label), at no cost.
 */
import { type AccountId, remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';

export function personioCompany(accountId: AccountId, company: string): Company {
  return {
    accountId,
    remoteId: remoteId(company),
    legalName: null,
    displayName: null,
    address: null,
    phone: null,
    raw: {},
  };
}
