/**
 * The account's company. Bob's public API has no company-profile read among those hrgraph uses,
 * so the company is what the account names it (`company`), at no call; everything else is null.
 */
import { type AccountId, remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';

export function hibobCompany(accountId: AccountId, company: string): Company {
  return {
    accountId,
    remoteId: remoteId(company),
    legalName: company,
    displayName: company,
    address: null,
    phone: null,
    raw: { company },
  };
}
