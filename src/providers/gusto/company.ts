/** The account's company, from GET /v1/companies/{id}. */
import type { CallContext } from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type { Company } from '../../core/model.js';
import type { GustoClient } from './client.js';
import { text, toAddress } from './normalize.js';
import { type Json, shapes } from './shapes.js';

export async function readCompany(
  client: GustoClient,
  company: string,
  ctx: CallContext,
): Promise<Company> {
  const { body } = await client.get<Json>(
    'gusto.company',
    `/v1/companies/${encodeURIComponent(company)}`,
    ctx,
    { shape: shapes.record },
  );
  const locations = Array.isArray(body.locations) ? body.locations : [];
  return {
    accountId: client.accountId,
    remoteId: remoteId(text(body, 'uuid') ?? company),
    legalName: text(body, 'name'),
    displayName: text(body, 'trade_name') ?? text(body, 'name'),
    // The company record lists its locations' addresses; the first is where it is.
    address: toAddress(locations[0]),
    phone: null,
    raw: body,
  };
}
