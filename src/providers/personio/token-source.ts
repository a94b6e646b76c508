/**
 * One bearer token per API version and adapter: asked for once however many calls need it at that
 * moment, again shortly before it expires, and again after Personio refuses it. v1 also hands a
 * token back in the `authorization` header of its answers: the newest one seen is the one used
 * next, so a rotating token (Personio's older model) and a stable one (its current docs) both work.
 */
export interface MintedToken {
  readonly token: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export interface TokenSource {
  token(): Promise<string>;
  /** Personio answered with this token in its `authorization` header. */
  adopt(token: string): void;
  /** Personio refused `token`: the next call asks for a new one. */
  invalidate(token: string): void;
}

export interface TokenSourceOptions {
  mint(): Promise<MintedToken>;
  /** @default Date.now */
  readonly now?: () => number;
  /** Ask again this long before expiry. @default 60_000 */
  readonly marginMs?: number;
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const { now = Date.now, marginMs = 60_000 } = options;
  let current: MintedToken | null = null;
  let minting: Promise<MintedToken> | null = null;
  return {
    async token() {
      if (current && now() < current.expiresAt - marginMs) return current.token;
      minting ??= options.mint().finally(() => {
        minting = null;
      });
      current = await minting;
      return current.token;
    },
    adopt(token) {
      if (current && token !== '' && token !== current.token) current = { ...current, token };
    },
    invalidate(token) {
      if (current?.token === token) current = null;
    },
  };
}
