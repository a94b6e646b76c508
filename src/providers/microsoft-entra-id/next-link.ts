/**
 * Following `@odata.nextLink`: Graph's paging guide says to follow the link whole, but a cursor
 * comes back from the client and must not be able to send the account's token elsewhere, so only
 * the `$skiptoken` Graph put in it is carried to the next call on the configured Graph root.
 */
import { unexpectedBodyError } from '../../http/errors.js';
import type { GraphObject } from './shapes.js';

/** The next page's `$skiptoken`; null at the end (no link, or null); a link without one is a bad reply. */
export function skipTokenOf(
  body: GraphObject,
  where: { readonly accountId: string; readonly operation: string },
): string | null {
  const link = body['@odata.nextLink'];
  if (link === undefined || link === null) return null;
  try {
    const token = new URL(String(link)).searchParams.get('$skiptoken');
    if (token) return token;
  } catch {
    // not a URL: the same bad reply as a link without a token
  }
  throw unexpectedBodyError(where, 200, 'a page whose next link carries a $skiptoken');
}
