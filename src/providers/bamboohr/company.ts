/** The account's company, from /v1/company_information. */
import type { CallContext } from '../../core/contract/index.js';
import { type AccountId, remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';
import type { BambooHrClient } from './client.js';
import { text } from './normalize.js';
import type { RawRecord } from './reads.js';
import { shapes } from './shapes.js';

export async function readCompany(
  client: BambooHrClient,
  accountId: AccountId,
  ctx: CallContext,
): Promise<Company> {
  const info = await client.get<RawRecord>(
    'bamboohr.companyInformation',
    '/v1/company_information',
    ctx,
    { shape: shapes.record },
  );
  const raw = info ?? {};
  const address = (raw.address ?? {}) as RawRecord;
  return {
    accountId,
    remoteId: remoteId(accountId),
    legalName: text(raw, 'legalName'),
    displayName: text(raw, 'displayName'),
    address: {
      line1: text(address, 'line1'),
      line2: text(address, 'line2'),
      city: text(address, 'city'),
      state: text(address, 'state'),
      postalCode: text(address, 'zip'),
      country: text(address, 'country'),
    },
    phone: text(raw, 'phone'),
    raw,
  };
}
