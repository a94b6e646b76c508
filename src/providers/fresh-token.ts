/**
 * A demo OAuth account's access token, kept fresh the way a connected account's is: refreshed a
 * minute before expiry, once, however many calls ask at that moment (Gusto's refresh tokens are
 * single-use, so two refreshes racing would lose the account).
 */
export interface DemoTokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export function keepFresh(
  first: DemoTokens,
  refresh: (current: DemoTokens) => Promise<DemoTokens>,
): () => Promise<string> {
  let current: Promise<DemoTokens> = Promise.resolve(first);
  return async function accessToken() {
    const tokens = await current;
    if (tokens.expiresAt - Date.now() > 60_000) return tokens.accessToken;
    const refreshing = refresh(tokens);
    // A failed refresh leaves the old tokens in place, so the next call tries again.
    current = refreshing.catch(() => tokens);
    return (await refreshing).accessToken;
  };
}
