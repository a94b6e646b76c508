/**
 * The sandbox's `$skiptoken`: opaque to clients (Graph's are base64 blobs, and its paging guide
 * says to follow `@odata.nextLink` whole, never to read the token), here the last id served.
 */

export function encodeSkipToken(lastNumber: number): string {
  return `RFNwdAIAAQAAA${Buffer.from(JSON.stringify({ a: lastNumber })).toString('base64url')}`;
}

/** The last number served, or null for a token the sandbox never issued. */
export function decodeSkipToken(token: string): number | null {
  if (!token.startsWith('RFNwdAIAAQAAA')) return null;
  try {
    const { a } = JSON.parse(Buffer.from(token.slice(13), 'base64url').toString()) as {
      a?: unknown;
    };
    return Number.isSafeInteger(a) && (a as number) >= 0 ? (a as number) : null;
  } catch {
    return null;
  }
}

/** The request's own URL with `$skiptoken` set: the next page keeps every other option. */
export function nextLink(url: URL, token: string): string {
  const next = new URL(url.href);
  next.searchParams.set('$skiptoken', token);
  return next.href.replace(/\+/g, '%20');
}
