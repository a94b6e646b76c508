/**
 * Entra ID sign-in and throttling end to end. The token endpoint's refusals (AADSTS codes) end in
 * UPSTREAM_AUTH_FAILED naming the code and never the secret; a throttled inner `$batch` request
 * (429 with its own Retry-After while the batch is a 200) is retried alone, not the whole batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import { createHttpClient } from '../../../../src/http/index.js';
import { createEntraAdapter } from '../../../../src/providers/microsoft-entra-id/index.js';
import { entraUserId } from '../../../../src/sandbox/microsoft-entra-id/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { graphqlOver } from '../../../support/hrgraph.js';
import { certificateCredentials, secretCredentials } from '../support.js';
import { type EntraFixture, startEntra } from './fixture.js';

let entra: EntraFixture;
beforeAll(async () => {
  entra = await startEntra({ company: { size: 60, seed: 5, customFieldCount: 0 } });
});
afterAll(() => entra.close());

const page = /* GraphQL */ `{ employees(account: "bad", first: 2) { nodes { remoteId } } }`;

describe('the token endpoint refuses: UPSTREAM_AUTH_FAILED with the AADSTS code, no secret', () => {
  const app = () => entra.sandbox.registeredApp();
  const cases = [
    [
      'a wrong client secret (AADSTS7000215)',
      () => ({
        ...secretCredentials(app()),
        clientSecret: 'Wrong8Q~not-the-secret-at-all-000000000',
      }),
      null,
      'AADSTS7000215',
    ],
    [
      'a certificate the app does not have (AADSTS700027)',
      () => ({
        ...certificateCredentials(app()),
        key: { ...certificateCredentials(app()).key, keyId: 'bm90LXJlZ2lzdGVyZWQ' },
      }),
      null,
      'AADSTS700027',
    ],
    [
      'an unknown tenant (AADSTS90002)',
      () => secretCredentials(app()),
      'contoso.onmicrosoft.com',
      'AADSTS90002',
    ],
  ] as const;

  it.each(cases)('%s', async (_name, credentials, tenant, code) => {
    const http = createHttpClient();
    const adapter = createEntraAdapter({
      accountId: accountId('bad'),
      tenant: tenant ?? entra.sandbox.tenantId,
      baseUrl: entra.url,
      credentials: credentials(),
      http,
    });
    const result = await graphqlOver([adapter])(page);
    await http.close();
    expect(result.data?.employees ?? null).toBeNull();
    const error = result.errors![0]!;
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      accountId: 'bad',
      aadstsCode: code,
    });
    expect(JSON.stringify(result)).not.toContain(app().clientSecret);
  });

  it('a disabled app (AADSTS7000112) is refused as unauthorized_client', async () => {
    entra.sandbox.setAppEnabled(false);
    try {
      const http = createHttpClient();
      const adapter = createEntraAdapter({
        accountId: accountId('bad'),
        tenant: entra.sandbox.tenantId,
        baseUrl: entra.url,
        credentials: secretCredentials(app()),
        http,
      });
      const result = await graphqlOver([adapter])(page);
      await http.close();
      expect(result.errors![0]!.extensions).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        aadstsCode: 'AADSTS7000112',
      });
    } finally {
      entra.sandbox.setAppEnabled(true);
    }
  });

  it('a certificate sign-in (the sandbox takes only the registered x5t#S256) mints one token for many calls', async () => {
    entra.resetCounts();
    const tokensBefore = entra.sandbox.log.count({ path: /\/oauth2\/v2\.0\/token$/ });
    for (let i = 0; i < 3; i++) {
      const result = await entra.query(
        /* GraphQL */ `{ employees(account: "entra", first: 1) { nodes { id } } }`,
      );
      expect(result.errors).toBeUndefined();
    }
    const tokens = entra.sandbox.log.count({ path: /\/oauth2\/v2\.0\/token$/ }) - tokensBefore;
    expect(tokens).toBeLessThanOrEqual(1);
  });
});

describe('throttling inside $batch', () => {
  it('a throttled inner request is retried alone after its Retry-After; the others are not asked again', async () => {
    const domain = entra.sandbox.company.domain;
    const ids = [1, 2, 3, 4, 5].map((n) => entraUserId(domain, n));
    await entra.query(/* GraphQL */ `{ employees(account: "entra", first: 1) { nodes { id } } }`);
    entra.sandbox.faults.enqueue(
      { kind: '429', retryAfter: { seconds: 0 } },
      { path: `/v1.0/users/${ids[2]}` },
    );
    entra.resetCounts();
    const innerBefore = entra.sandbox.innerLog.count();
    const result = await entra.query<{ nodes: { remoteId: string }[] }>(
      /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { remoteId } } }`,
      {
        ids: ids.map((id) =>
          toGlobalId('Employee', { accountId: accountId('entra'), remoteId: remoteId(id) }),
        ),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n.remoteId)).toEqual(ids);
    expect(entra.served('/v1.0/$batch')).toBe(2);
    const inner = entra.sandbox.innerLog
      .entries()
      .slice(-(entra.sandbox.innerLog.count() - innerBefore));
    // The first batch's five run side by side (any order); then the throttled one, alone.
    const first = inner.slice(0, 5).map((e) => `${e.path} ${e.status}`);
    expect(first.sort()).toEqual(
      ids.map((id) => `/v1.0/users/${id} ${id === ids[2] ? 429 : 200}`).sort(),
    );
    expect(inner.slice(5).map((e) => `${e.path} ${e.status}`)).toEqual([
      `/v1.0/users/${ids[2]} 200`,
    ]);
  });

  it('an inner request throttled every time ends in UPSTREAM_RATE_LIMITED at its path', async () => {
    const id = entraUserId(entra.sandbox.company.domain, 7);
    entra.sandbox.faults.enqueue(
      { kind: '429', retryAfter: { seconds: 0 } },
      { path: `/v1.0/users/${id}`, times: 10 },
    );
    const result = await entra.query(
      /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Employee { remoteId } } }`,
      { id: toGlobalId('Employee', { accountId: accountId('entra'), remoteId: remoteId(id) }) },
    );
    entra.sandbox.faults.clear();
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(result.errors?.[0]?.path).toEqual(['node']);
  });
});
