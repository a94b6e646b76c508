/**
 * Following Okta's `Link: <…>; rel="next"` pages: the next request is the same request with the
 * link's `after`. The link's own URL is not called as is: the call stays on the configured org
 * URL with hrgraph's parameters, and only the cursor Okta issued is carried over.
 */
import { unexpectedBodyError } from '../../http/errors.js';
import type { OktaReply } from './client.js';
import { nextAfter } from './link-header.js';

/** The `after` of the next page, null at the end; a next link without `after` is a bad reply. */
export function nextCursor(
  reply: OktaReply<unknown>,
  where: { readonly accountId: string; readonly operation: string },
): string | null {
  const next = nextAfter(reply.headers.link, reply.url);
  if (next === 'malformed') {
    throw unexpectedBodyError(where, 200, 'a page whose next link carries an after cursor');
  }
  return next?.after ?? null;
}
