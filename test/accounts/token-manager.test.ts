import { describe, expect, test } from 'vitest';
import { OAuthGrantError } from '../../src/accounts/oauth-errors.js';
import type { RefreshLock } from '../../src/accounts/refresh-lock.js';
import { createTokenManager, type TokenManagerOptions } from '../../src/accounts/token-manager.js';
import type { OAuthTokens } from '../../src/accounts/types.js';
import { accountId } from '../../src/core/ids.js';

interface VersionedTokens {
  readonly tokens: OAuthTokens;
  readonly version: number;
  /** The write-ahead record of a refresh of these tokens. */
  readonly refreshStartedAt?: number | null;
}

/** The store's side, in clear for the test; the manager sees it sealed, with a count of openings. */
function sealed(v: VersionedTokens | null, opened: { count: number }) {
  return v
    ? {
        version: v.version,
        expiresAt: v.tokens.expiresAt,
        refreshStartedAt: v.refreshStartedAt ?? null,
        open: () => {
          opened.count++;
          return v.tokens;
        },
      }
    : null;
}

function setup(
  refresh: (n: number) => Promise<OAuthTokens>,
  extra: Partial<
    Pick<TokenManagerOptions, 'lock' | 'lockWaitMs' | 'lockPollMs' | 'beginRefresh'>
  > = {},
) {
  const opened = { count: 0 };
  let now = 1_000_000;
  let stored: VersionedTokens | null = {
    version: 1,
    tokens: { accessToken: 'a0', refreshToken: 'r0', expiresAt: now + 3600_000, scopes: [] },
  };
  let refreshes = 0;
  const reauth: string[] = [];
  const manager = createTokenManager({
    accountId: accountId('x'),
    now: () => now,
    read: async () => sealed(stored, opened),
    async save(tokens, version) {
      if (stored?.version !== version) return null;
      stored = { tokens, version: version + 1 };
      return sealed(stored, opened);
    },
    async beginRefresh(version, at) {
      if (stored?.version !== version) return false;
      stored = { ...stored, refreshStartedAt: at };
      return true;
    },
    refresh: () => refresh(++refreshes),
    onReauthNeeded: async (reason) => void reauth.push(reason),
    ...extra,
  });
  return {
    manager,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    stored: () => stored,
    setStored: (v: VersionedTokens | null) => {
      stored = v;
    },
    refreshes: () => refreshes,
    opened: () => opened.count,
    reauth,
  };
}

const issued = (n: number, now: number): OAuthTokens => ({
  accessToken: `a${n}`,
  refreshToken: `r${n}`,
  expiresAt: now + 3600_000,
  scopes: [],
});

describe('token manager', () => {
  test('tokens stay sealed between calls: every call opens them, none keeps them', async () => {
    const t = setup(async (n) => issued(n, t.now()));
    await t.manager.accessToken();
    const after = t.opened();
    await t.manager.accessToken();
    await t.manager.accessToken();
    expect(t.opened()).toBe(after + 2);
  });

  test('a passing refresh failure keeps using a token that has not expired yet', async () => {
    const t = setup(async () => {
      throw new Error('connection reset');
    });
    t.advance(3600_000 - 60_000);
    expect(await t.manager.accessToken()).toBe('a0');
    t.advance(120_000);
    await expect(t.manager.accessToken()).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(t.reauth).toEqual([]);
  });

  test('invalid_grant asks for re-authorisation once and fails with UPSTREAM_AUTH_FAILED', async () => {
    const t = setup(async () => {
      throw new OAuthGrantError('invalid_grant', 400);
    });
    t.advance(3600_000);
    await expect(t.manager.accessToken()).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_AUTH_FAILED', accountId: 'x' },
    });
    expect(t.reauth).toHaveLength(1);
  });

  test('a 401 refreshes before the next call; a second 401 with no success between means NEEDS_REAUTH', async () => {
    const t = setup(async (n) => issued(n, t.now()));
    expect(await t.manager.accessToken()).toBe('a0');
    expect(await t.manager.rejected('a0')).toBe('refused');
    expect(await t.manager.accessToken()).toBe('a1');
    t.manager.accepted();
    expect(await t.manager.rejected('a1')).toBe('refused');
    expect(await t.manager.accessToken()).toBe('a2');
    expect(await t.manager.rejected('a2')).toBe('refused');
    await expect(t.manager.accessToken()).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_AUTH_FAILED' },
    });
    expect(t.reauth).toEqual(['the provider refused a freshly refreshed access token']);
  });

  test('tokens another writer stored first are adopted instead of refreshing again', async () => {
    const t = setup(async (n) => issued(n, t.now()));
    await t.manager.accessToken();
    t.advance(3600_000);
    t.setStored({ version: 5, tokens: issued(9, t.now()) });
    expect(await t.manager.accessToken()).toBe('a9');
    expect(t.refreshes()).toBe(0);
  });

  test('a lost compare-and-set reads back what the winner stored', async () => {
    const t = setup(async (n) => {
      // Someone else stores their refresh while ours is in flight.
      t.setStored({ version: 7, tokens: issued(100 + n, t.now()) });
      return issued(n, t.now());
    });
    t.advance(3600_000);
    expect(await t.manager.accessToken()).toBe('a101');
    expect(t.stored()?.version).toBe(7);
  });

  test('a 401 on a token older than the current one is a retry, never counted against the current one', async () => {
    const t = setup(async (n) => issued(n, t.now()));
    expect(await t.manager.accessToken()).toBe('a0');
    t.advance(3600_000);
    expect(await t.manager.accessToken()).toBe('a1');
    // Any number of calls that left with a0 come back refused: none is evidence against a1.
    for (let i = 0; i < 5; i++) expect(await t.manager.rejected('a0')).toBe('retry');
    expect(await t.manager.accessToken()).toBe('a1');
    expect(t.refreshes()).toBe(1);
    expect(t.reauth).toEqual([]);
  });

  test('many 401s for one token are one refusal: one refresh, no re-authorisation', async () => {
    const t = setup(async (n) => issued(n, t.now()));
    expect(await t.manager.accessToken()).toBe('a0');
    const verdicts = await Promise.all([1, 2, 3].map(() => t.manager.rejected('a0')));
    expect(verdicts).toEqual(['refused', 'refused', 'refused']);
    expect(await t.manager.accessToken()).toBe('a1');
    expect(t.refreshes()).toBe(1);
    expect(t.reauth).toEqual([]);
  });

  test('a 401 arriving while the refresh that revoked its token is in flight waits for it, then retries', async () => {
    let finish: (tokens: OAuthTokens) => void = () => {};
    let sent = () => {};
    const refreshSent = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const t = setup(
      () =>
        new Promise<OAuthTokens>((resolve) => {
          finish = resolve;
          sent();
        }),
    );
    expect(await t.manager.accessToken()).toBe('a0');
    t.advance(3600_000);
    const refreshing = t.manager.accessToken();
    await refreshSent;
    const verdict = t.manager.rejected('a0');
    finish(issued(1, t.now()));
    expect(await refreshing).toBe('a1');
    expect(await verdict).toBe('retry');
    expect(t.reauth).toEqual([]);
  });

  describe('another process holds the refresh (refresh-lock.ts)', () => {
    /** A lock some other process holds for as long as the test says. */
    function heldElsewhere() {
      let held = true;
      let asked = 0;
      const lock: RefreshLock = {
        async claim() {
          asked++;
          return held ? null : { fence: 'mine', release: async () => {} };
        },
      };
      return {
        lock,
        asked: () => asked,
        free() {
          held = false;
        },
      };
    }

    test('the token in hand serves until it expires, without a refresh of its own', async () => {
      const other = heldElsewhere();
      const t = setup(async (n) => issued(n, t.now()), { lock: other.lock });
      t.advance(3600_000 - 60_000);
      expect(await t.manager.accessToken()).toBe('a0');
      expect(other.asked()).toBe(1);
      expect(t.refreshes()).toBe(0);
    });

    test('past expiry a call waits for the tokens that process stores, and sends no refresh', async () => {
      const other = heldElsewhere();
      const t = setup(async (n) => issued(n, t.now()), { lock: other.lock, lockPollMs: 1 });
      t.advance(3600_000);
      const waiting = t.manager.accessToken();
      while (other.asked() < 3) await new Promise((r) => setTimeout(r, 1));
      t.setStored({ version: 2, tokens: issued(7, t.now()) });
      expect(await waiting).toBe('a7');
      expect(t.refreshes()).toBe(0);
    });

    test('a holder that lets go without storing anything: the waiting call claims and refreshes', async () => {
      const other = heldElsewhere();
      const t = setup(async (n) => issued(n, t.now()), { lock: other.lock, lockPollMs: 1 });
      t.advance(3600_000);
      const waiting = t.manager.accessToken();
      while (other.asked() < 2) await new Promise((r) => setTimeout(r, 1));
      other.free();
      expect(await waiting).toBe('a1');
      expect(t.refreshes()).toBe(1);
    });

    test('a refresh still not done after lockWaitMs fails with UPSTREAM_UNAVAILABLE, no re-authorisation', async () => {
      const other = heldElsewhere();
      const t = setup(async (n) => issued(n, t.now()), {
        lock: other.lock,
        lockWaitMs: 20,
        lockPollMs: 1,
      });
      t.advance(3600_000);
      await expect(t.manager.accessToken()).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', accountId: 'x' },
      });
      expect(t.refreshes()).toBe(0);
      expect(t.reauth).toEqual([]);
    });

    test('a write-ahead the store refuses (the claim was lost to another process) sends nothing', async () => {
      const t = setup(async (n) => issued(n, t.now()), {
        lock: { claim: async () => ({ fence: 'lost', release: async () => {} }) },
        beginRefresh: async () => false,
        lockWaitMs: 20,
        lockPollMs: 1,
      });
      t.advance(3600_000);
      await expect(t.manager.accessToken()).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
      expect(t.refreshes()).toBe(0);
    });
  });
});
