/**
 * Google Workspace auth lifecycle: the service-account JWT-bearer grant with domain-wide
 * delegation, one token per adapter shared by concurrent requests, minted again before expiry on
 * the sandbox's clock, re-minted once when the API answers 401, and every refusal a clear
 * UPSTREAM_AUTH_FAILED that names the cause and no secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_LIFETIME_S } from '../../../../src/sandbox/google-workspace/index.js';
import { type GoogleFixture, startGoogleWorkspace } from '../../../support/google-workspace.js';
import { graphqlOver } from '../../../support/hrgraph.js';

let g: GoogleFixture;
beforeAll(async () => {
  g = await startGoogleWorkspace({ company: { seed: 5, size: 30 } });
});
afterAll(() => g.close());

const page = '{ employees(first: 3) { nodes { remoteId } } }';
const tokenRequests = () => g.sandbox.log.count({ path: '/token', method: 'POST' });

describe('Google Workspace: the JWT-bearer grant', () => {
  it('mints one token for concurrent requests, and again only once it nears expiry', async () => {
    const query = graphqlOver([g.adapterWith({ id: 'concurrent' })]);
    const before = tokenRequests();
    const results = await Promise.all(Array.from({ length: 6 }, () => query(page)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(tokenRequests() - before).toBe(1);
    expect(
      results.flatMap((r) => r.upstream.entries).filter((e) => e.operation === 'google.token'),
    ).toHaveLength(1);

    g.clock.advance(30 * 60_000);
    expect((await query(page)).errors).toBeUndefined();
    expect(tokenRequests() - before).toBe(1);

    // Google's token says 3599 s; the adapter mints again a minute before that runs out.
    g.clock.advance((TOKEN_LIFETIME_S - 1 - 60) * 1000 - 30 * 60_000 + 1);
    const late = await query(page);
    expect(late.errors).toBeUndefined();
    expect(late.upstream.entries.map((e) => e.operation)).toEqual([
      'google.token',
      'google.users.list',
    ]);
    expect(tokenRequests() - before).toBe(2);
  });

  it('a token the API stopped honouring (401) is minted again once, and the call retried', async () => {
    // The adapter's clock runs half an hour slow, so it still trusts a token Google has expired.
    let lagMs = 0;
    const query = graphqlOver([
      g.adapterWith({ id: 'slow-clock', now: () => g.clock.now() - lagMs }),
    ]);
    expect((await query(page)).errors).toBeUndefined();
    g.clock.advance(TOKEN_LIFETIME_S * 1000 + 1000);
    lagMs = 30 * 60_000;
    const before = g.sandbox.log.count();
    const result = await query(page);
    expect(result.errors).toBeUndefined();
    expect(result.upstream.entries.map((e) => [e.operation, e.status])).toEqual([
      ['google.users.list', 401],
      ['google.token', 200],
      ['google.users.list', 200],
    ]);
    expect(
      g.sandbox.log
        .entries()
        .slice(before)
        .map((e) => e.status),
    ).toEqual([401, 200, 200]);
  });
});

describe('Google Workspace: refusals name their cause, never a secret', () => {
  function expectAuthError(
    result: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] },
    cause: RegExp,
  ) {
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');
    expect(error?.message).toMatch(cause);
    const text = JSON.stringify(result.errors);
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('ya29.');
    expect(text).not.toMatch(/@[a-z0-9.-]+\.[a-z]+/i);
  }

  it('an unknown subject to impersonate: invalid_grant', async () => {
    const key = { ...g.key, subject: 'nobody-here@example.invalid' };
    const result = await graphqlOver([g.adapterWith({ id: 'wrong-subject', key })])(page);
    expectAuthError(result, /subject to impersonate.*invalid_grant/);
    expect(result.upstream.entries.map((e) => e.operation)).toEqual(['google.token']);
  });

  it('no subject at all: refused before any call', async () => {
    const key = { ...g.key, subject: null };
    const result = await graphqlOver([g.adapterWith({ id: 'no-subject', key })])(page);
    expectAuthError(result, /names no admin to impersonate/);
    expect(result.upstream.calls).toBe(0);
  });

  it('a subject who is not an admin: token granted, then 403 from the API', async () => {
    const user = g.sandbox.company.people.find((p) => p.id > 1 && p.terminationDate === null)!;
    const key = { ...g.key, subject: user.workEmail };
    const result = await graphqlOver([g.adapterWith({ id: 'not-admin', key })])(page);
    expectAuthError(result, /not an administrator/);
  });

  it('a scope the tenant did not delegate: unauthorized_client names domain-wide delegation', async () => {
    const narrow = await startGoogleWorkspace({
      company: { seed: 5, size: 10 },
      delegatedScopes: ['https://www.googleapis.com/auth/admin.directory.user.readonly'],
    });
    try {
      const result = await narrow.query(page);
      expectAuthError(result, /domain-wide delegation is not granted/);
    } finally {
      await narrow.close();
    }
  });
});
