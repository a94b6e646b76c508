/**
 * The Directory API client and token source against a scripted upstream: what each status and
 * body means, the 401 re-mint that happens once and only once, and the search-language quoting.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CallContext, ListQuery } from '../../../src/core/contract/index.js';
import { accountId } from '../../../src/core/ids.js';
import {
  createUpstreamRecorder,
  type HttpClient,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../../../src/http/index.js';
import { createGoogleTokenSource } from '../../../src/providers/google-workspace/auth.js';
import {
  createGoogleClient,
  isGoogleThrottle,
} from '../../../src/providers/google-workspace/client.js';
import { subQueries } from '../../../src/providers/google-workspace/list-users.js';
import type { OrgUnits } from '../../../src/providers/google-workspace/lookups.js';
import { shapes } from '../../../src/providers/google-workspace/shapes.js';

const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const key = {
  clientId: 'svc@project.iam.gserviceaccount.com',
  privateKey,
  keyId: 'k1',
  subject: 'admin@acme.example',
  tokenUrl: 'https://oauth2.test/token',
};
const ctx: CallContext = {
  signal: new AbortController().signal,
  recorder: createUpstreamRecorder(),
};

function reply(status: number, body: unknown): UpstreamResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: {}, text, json: <T>() => JSON.parse(text) as T };
}

/** Answers token requests with a new token each, and API calls from `script` in order. */
function scripted(script: UpstreamResponse[]) {
  const sent: UpstreamRequest[] = [];
  let minted = 0;
  const http: HttpClient = {
    async request(req) {
      sent.push(req);
      if (req.operation === 'google.token') {
        minted++;
        return reply(200, {
          access_token: `tok-${minted}`,
          expires_in: 3599,
          token_type: 'Bearer',
        });
      }
      const next = script.shift();
      if (!next) throw new Error('unscripted call');
      return next;
    },
    close: async () => {},
  };
  const tokens = createGoogleTokenSource({ accountId: accountId('a'), key, http });
  const client = createGoogleClient({ accountId: accountId('a'), http, tokens });
  return { client, sent };
}

const page = { kind: 'admin#directory#users', users: [{ id: '1' }] };

describe('Google Workspace client: 401', () => {
  it('drops the token, mints a fresh one and retries once', async () => {
    const { client, sent } = scripted([reply(401, {}), reply(200, page)]);
    await expect(
      client.get('google.users.list', '/users', ctx, { shape: shapes.users }),
    ).resolves.toEqual(page);
    expect(sent.map((r) => [r.operation, r.headers?.authorization ?? null])).toEqual([
      ['google.token', null],
      ['google.users.list', 'Bearer tok-1'],
      ['google.token', null],
      ['google.users.list', 'Bearer tok-2'],
    ]);
  });

  it('a second 401 with the fresh token is UPSTREAM_AUTH_FAILED, without a third try', async () => {
    const { client, sent } = scripted([reply(401, {}), reply(401, {})]);
    await expect(
      client.get('google.users.list', '/users', ctx, { shape: shapes.users }),
    ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_AUTH_FAILED' } });
    expect(sent.filter((r) => r.operation === 'google.users.list')).toHaveLength(2);
  });
});

describe('Google Workspace client: bodies and statuses', () => {
  it.each([
    ['an object with no kind', {}],
    ['users that is not a list', { kind: 'admin#directory#users', users: {} }],
    ['a user without an id', { kind: 'admin#directory#users', users: [{ primaryEmail: 'x' }] }],
    ['a list where a page belongs', []],
  ])('%s is UPSTREAM_BAD_RESPONSE, never an empty page', async (_name, body) => {
    const { client } = scripted([reply(200, body)]);
    await expect(
      client.get('google.users.list', '/users', ctx, { shape: shapes.users }),
    ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_BAD_RESPONSE' } });
  });

  it('a page with no users is `{kind}`, an empty page', async () => {
    const { client } = scripted([reply(200, { kind: 'admin#directory#users' })]);
    await expect(
      client.get('google.users.list', '/users', ctx, { shape: shapes.users }),
    ).resolves.toEqual({ kind: 'admin#directory#users' });
  });

  it('400 on a call with a page token is a stale cursor (BAD_USER_INPUT)', async () => {
    const { client } = scripted([
      reply(400, { error: { code: 400, errors: [{ reason: 'invalid' }] } }),
    ]);
    await expect(
      client.get('google.users.list', '/users', ctx, { shape: shapes.users, pageToken: true }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('403 insufficientPermissions names the scope problem', async () => {
    const body = { error: { code: 403, errors: [{ reason: 'insufficientPermissions' }] } };
    const { client } = scripted([reply(403, body)]);
    await expect(
      client.get('google.users.list', '/users', ctx, { shape: shapes.users }),
    ).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_AUTH_FAILED' },
      message: expect.stringContaining('scope'),
    });
  });

  it('Google’s 403 rate limits are throttles; other 403s are not', () => {
    const body = (reason: string) =>
      JSON.stringify({ error: { code: 403, errors: [{ domain: 'usageLimits', reason }] } });
    expect(isGoogleThrottle(403, {}, body('userRateLimitExceeded'))).toBe(true);
    expect(isGoogleThrottle(403, {}, body('rateLimitExceeded'))).toBe(true);
    expect(isGoogleThrottle(403, {}, body('quotaExceeded'))).toBe(true);
    expect(isGoogleThrottle(403, {}, body('forbidden'))).toBe(false);
    expect(isGoogleThrottle(403, {}, 'not json')).toBe(false);
    expect(isGoogleThrottle(400, {}, body('userRateLimitExceeded'))).toBe(false);
  });
});

describe('Google Workspace search language', () => {
  const query = (filter: ListQuery['filter']): ListQuery => ({ filter, order: [] });

  it('quotes values, escaping quotes and backslashes', () => {
    expect(subQueries(query({ lastName: "O'Br\\ien", status: 'ACTIVE' }), null)).toEqual([
      "isSuspended=false isArchived=false familyName:'O\\'Br\\\\ien'",
    ]);
  });

  it('orgUnitPath takes the units under it: a unit under another one asked for is no search of its own', () => {
    const paths: Record<string, string> = {
      a: '/Sales',
      b: '/Sales/EMEA',
      c: '/sales/emea',
      d: '/Ops',
    };
    const orgUnits = {
      all: [],
      idOfPath: () => null,
      byId: (id: string) => (paths[id] ? { orgUnitPath: paths[id] } : undefined),
    } as unknown as OrgUnits;
    expect(subQueries(query({ departments: ['b', 'a', 'c', 'd'] as never[] }), orgUnits)).toEqual([
      "orgUnitPath='/Sales'",
      "orgUnitPath='/Ops'",
    ]);
    expect(subQueries(query({ departments: ['b', 'c'] as never[] }), orgUnits)).toEqual([
      "orgUnitPath='/sales/emea'",
    ]);
  });

  it('has no OR: several managers are one search each', () => {
    expect(subQueries(query({ managers: ['1' as never, '2' as never] }), null)).toEqual([
      "directManagerId='1'",
      "directManagerId='2'",
    ]);
  });
});
