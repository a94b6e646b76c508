/** Departments, locations and the company, each one call (Gusto does not page them). */

import type { CallContext } from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type { Company, Group, Location } from '../../core/model.js';
import type { GustoClient } from './client.js';
import { text, toAddress } from './normalize.js';
import { type Json, shapes } from './shapes.js';

const companyPath = (company: string) => `/v1/companies/${encodeURIComponent(company)}`;

export async function listDepartments(
  client: GustoClient,
  company: string,
  ctx: CallContext,
): Promise<Group[]> {
  const { body } = await client.get<Json[]>(
    'gusto.departments',
    `${companyPath(company)}/departments`,
    ctx,
    { shape: shapes.uuidRows },
  );
  return body.map((row) => ({
    accountId: client.accountId,
    remoteId: remoteId(String(row.uuid)),
    name: text(row, 'title') ?? '',
    type: 'DEPARTMENT' as const,
    parent: null,
    raw: row,
  }));
}

/** Gusto's locations are addresses without a name: the street and city name them. */
export async function listLocations(
  client: GustoClient,
  company: string,
  ctx: CallContext,
): Promise<Location[]> {
  const { body } = await client.get<Json[]>(
    'gusto.locations',
    `${companyPath(company)}/locations`,
    ctx,
    { shape: shapes.uuidRows },
  );
  return body.map((row) => ({
    accountId: client.accountId,
    remoteId: remoteId(String(row.uuid)),
    name: [text(row, 'street_1'), text(row, 'city')].filter(Boolean).join(', '),
    address: toAddress(row),
    timezone: null,
    raw: row,
  }));
}

export async function readCompany(
  client: GustoClient,
  company: string,
  ctx: CallContext,
): Promise<Company> {
  const { body } = await client.get<Json>('gusto.company', companyPath(company), ctx, {
    shape: shapes.record,
  });
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
