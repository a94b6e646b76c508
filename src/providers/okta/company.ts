/**
 * The account's company. getOrgSettings (`GET /api/v1/org`) needs okta.orgs.read, which service
 * apps are not asked to hold by default: without it the company is known by its host alone, at
 * no cost.
 */
import type { CallContext } from '../../core/contract/index.js';
import { type AccountId, remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';
import type { OktaAuth } from './auth.js';
import type { OktaClient } from './client.js';
import { isObject, type OktaObject, shapes } from './shapes.js';

function text(raw: OktaObject, key: string): string | null {
  const value = raw[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export interface CompanyDeps {
  readonly accountId: AccountId;
  /** The org host, `acme.okta.com`: the company's remote id. */
  readonly host: string;
  readonly client: OktaClient;
  readonly auth: OktaAuth;
}

export async function readCompany(deps: CompanyDeps, ctx: CallContext): Promise<Company> {
  const none: Company = {
    accountId: deps.accountId,
    remoteId: remoteId(deps.host),
    legalName: null,
    displayName: null,
    address: null,
    phone: null,
    raw: {},
  };
  if (!deps.auth.grants('okta.orgs.read')) return none;
  const reply = await deps.client.get<OktaObject>('okta.getOrgSettings', '/api/v1/org', ctx, {
    shape: shapes.org,
  });
  const org = reply?.body;
  if (!org || !isObject(org)) return none;
  const { _links: _omit, ...raw } = org;
  return {
    ...none,
    legalName: text(org, 'companyName'),
    displayName: text(org, 'companyName'),
    address: {
      line1: text(org, 'address1'),
      line2: text(org, 'address2'),
      city: text(org, 'city'),
      state: text(org, 'state'),
      postalCode: text(org, 'postalCode'),
      country: text(org, 'country'),
    },
    phone: text(org, 'phoneNumber'),
    raw,
  };
}
