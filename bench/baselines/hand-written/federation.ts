/**
 * Federation by hand: ask the inventory who holds a laptop, then one custom report for all of
 * them. The inventory stores hrgraph's IDs, so the script decodes them to BambooHR ids first.
 */
import { request } from 'undici';
import { fromGlobalId } from '../../../src/schema/global-id.js';
import type { HandApi } from './api.js';
import { handLookups } from './lookups.js';

export async function handFederation(
  api: HandApi,
  inventoryUrl: string,
  keys: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const response = await request(inventoryUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ deviceHolders(kind: LAPTOP) { id } }' }),
  });
  const body = (await response.body.json()) as { data: { deviceHolders: { id: string }[] } };
  const ids = body.data.deviceHolders.map((holder) => fromGlobalId(holder.id).remoteId);
  return handLookups(api, ids, keys);
}
