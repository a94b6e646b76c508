/**
 * The account's company: the tenant's `organization` (`GET /v1.0/organization`, a collection of
 * one), with its registered name, address and phone.
 */
import type { CallContext } from '../../core/contract/index.js';
import { type AccountId, remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { GraphClient } from './client.js';
import { type GraphObject, shapes } from './shapes.js';

function text(raw: GraphObject, key: string): string | null {
  const value = raw[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export async function readCompany(
  deps: { readonly accountId: AccountId; readonly tenant: string; readonly client: GraphClient },
  ctx: CallContext,
): Promise<Company> {
  const operation = 'entra.getOrganization';
  const body = await deps.client.call<GraphObject>(operation, '/v1.0/organization', ctx, {
    query: {
      $select:
        'id,displayName,street,city,state,postalCode,countryLetterCode,businessPhones,verifiedDomains',
    },
    shape: shapes.organization,
  });
  const [org] = body.value as GraphObject[];
  if (!org || typeof org.id !== 'string' || org.id === '') {
    throw unexpectedBodyError(
      { accountId: deps.accountId, operation },
      200,
      'the tenant organization',
    );
  }
  const phones = Array.isArray(org.businessPhones) ? org.businessPhones : [];
  const { '@odata.type': _type, ...raw } = org;
  return {
    accountId: deps.accountId,
    remoteId: remoteId(org.id),
    legalName: text(org, 'displayName'),
    displayName: text(org, 'displayName'),
    address: {
      line1: text(org, 'street'),
      line2: null,
      city: text(org, 'city'),
      state: text(org, 'state'),
      postalCode: text(org, 'postalCode'),
      country: text(org, 'countryLetterCode'),
    },
    phone: typeof phones[0] === 'string' ? phones[0] : null,
    raw,
  };
}
