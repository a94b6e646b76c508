/** The account's company: its Workspace customer, from customers.get. */
import type { CallContext } from '../../core/contract/index.js';
import { type AccountId, remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';
import type { GoogleClient } from './client.js';
import { shapes } from './shapes.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export async function readCompany(
  client: GoogleClient,
  accountId: AccountId,
  customerKey: string,
  ctx: CallContext,
): Promise<Company> {
  const raw =
    (await client.get<Record<string, unknown>>(
      'google.customers.get',
      `/customers/${encodeURIComponent(customerKey)}`,
      ctx,
      { shape: shapes.customer },
    )) ?? {};
  const postal = (raw.postalAddress ?? {}) as Record<string, unknown>;
  const street = [postal.addressLine1, postal.addressLine2, postal.addressLine3]
    .map(text)
    .filter((line): line is string => line !== null);
  return {
    accountId,
    remoteId: remoteId(String(raw.id)),
    legalName: text(postal.organizationName),
    displayName: text(postal.organizationName) ?? text(raw.customerDomain),
    address: {
      line1: street[0] ?? null,
      line2: street.slice(1).join(', ') || null,
      city: text(postal.locality),
      state: text(postal.region),
      postalCode: text(postal.postalCode),
      country: text(postal.countryCode),
    },
    phone: text(raw.phoneNumber),
    raw,
  };
}
