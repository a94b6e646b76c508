/**
 * What the extract cannot validate, checked against the facts written down instead: `/v1/auth`
 * (personio-auth-api.yaml, a spec of its own), and v2's token, persons and employments, whose
 * operations exist only on developer.personio.de pages. v2 bodies are checked against v2's shared
 * components where they apply (the `ErrorResponse` shape, `_meta.links.<name>.href` links),
 * written here as schemas; a person's and an employment's own fields have no published schema to
 * check them against.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { inProcessPersonio } from '../support.js';

const ajv = new Ajv2020({ strict: false });
/** common-components-v2.json `ErrorResponse`, as published. */
const errorResponse = ajv.compile({
  type: 'object',
  required: ['personio_trace_id', 'timestamp', 'errors'],
  properties: {
    personio_trace_id: { type: 'string' },
    timestamp: { type: 'string' },
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          detail: { type: 'string' },
          type: { type: 'string', pattern: '^https://developer\\.personio\\.de/reference/errors#' },
          _meta: { type: 'object', additionalProperties: { type: 'string' } },
        },
      },
    },
  },
});
/** common-components-v2.json `MetaObject` with `LinkObject`s. */
const metaObject = {
  type: 'object',
  properties: {
    links: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['href'],
        properties: { href: { type: 'string' } },
      },
    },
  },
};
const v2List = ajv.compile({
  type: 'object',
  required: ['_data', '_meta'],
  properties: {
    _data: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { _meta: metaObject } },
    },
    _meta: metaObject,
  },
});

const { call, credential } = inProcessPersonio();
const form = 'application/x-www-form-urlencoded';

describe('POST /v1/auth (personio-auth-api.yaml)', () => {
  it('a client id and secret, as JSON or a form, buy a token: {success, data: {token, expires_in, scope}}', async () => {
    for (const [contentType, body] of [
      [
        'application/json',
        JSON.stringify({ client_id: credential.clientId, client_secret: credential.clientSecret }),
      ],
      [form, `client_id=${credential.clientId}&client_secret=${credential.clientSecret}`],
    ] as const) {
      const res = await call('POST', '/v1/auth', { token: null, contentType, body });
      expect(res.status).toBe(200);
      const json = (await res.json()) as {
        success: boolean;
        data: { token: string; expires_in: number };
      };
      expect(json.success).toBe(true);
      expect(json.data.token).toMatch(/^papi-/);
      expect(json.data.expires_in).toBe(86_400);
    }
  });

  it('a v1 answer hands its token back in the authorization header (auth page)', async () => {
    const res = await call('GET', '/v1/company/employees?limit=1');
    expect(res.headers.get('authorization')).toMatch(/^Bearer papi-/);
  });

  it('a wrong secret is a 401 in the v1 error shape', async () => {
    const res = await call('POST', '/v1/auth', {
      token: null,
      contentType: 'application/json',
      body: JSON.stringify({ client_id: credential.clientId, client_secret: 'nope' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, error: { code: 401 } });
  });
});

describe('POST /v2/auth/token (developer pages: client credentials, form-encoded)', () => {
  const grant = (secret: string, type = 'client_credentials') =>
    `grant_type=${type}&client_id=${credential.clientId}&client_secret=${secret}`;

  it('a form with client_credentials buys a bearer token', async () => {
    const res = await call('POST', '/v2/auth/token', {
      token: null,
      contentType: form,
      body: grant(credential.clientSecret),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 86_400 });
  });

  it('refusals are RFC 6749 errors: invalid_client, unsupported_grant_type, invalid_request for JSON', async () => {
    const wrong = await call('POST', '/v2/auth/token', {
      token: null,
      contentType: form,
      body: grant('nope'),
    });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([
      401,
      'invalid_client',
    ]);
    const grantType = await call('POST', '/v2/auth/token', {
      token: null,
      contentType: form,
      body: grant(credential.clientSecret, 'password'),
    });
    expect(((await grantType.json()) as { error: string }).error).toBe('unsupported_grant_type');
    const json = await call('POST', '/v2/auth/token', {
      token: null,
      contentType: 'application/json',
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect([json.status, ((await json.json()) as { error: string }).error]).toEqual([
      400,
      'invalid_request',
    ]);
  });
});

describe('GET /v2/persons and employments (developer pages; shared components where they apply)', () => {
  it('limit 1–50, default 10 (the persons page; the shared component says 1–200, default 100)', async () => {
    const first = await call('GET', '/v2/persons');
    const body = (await first.json()) as {
      _data: unknown[];
      _meta: { links: { next?: { href: string } } };
    };
    expect(v2List(body)).toBe(true);
    expect(body._data).toHaveLength(10);
    const over = await call('GET', '/v2/persons?limit=51');
    expect(over.status).toBe(400);
    expect(errorResponse(await over.json())).toBe(true);
  });

  it('the opaque cursor of _meta.links.next walks everyone once, forward', async () => {
    const seen: string[] = [];
    let path: string | null = '/v2/persons?limit=50';
    while (path) {
      const res: Response = await call('GET', path);
      const body = (await res.json()) as {
        _data: { id: string }[];
        _meta: { links: { next?: { href: string } } };
      };
      expect(v2List(body)).toBe(true);
      seen.push(...body._data.map((p) => p.id));
      const next = body._meta.links.next?.href;
      path = next ? new URL(next).pathname + new URL(next).search : null;
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('id filters AND-combine; a foreign cursor is a 400 ErrorResponse; a v1 token is refused', async () => {
    const res = await call('GET', '/v2/persons?id=3&status=ACTIVE');
    const body = (await res.json()) as { _data: { id: string }[] };
    expect(body._data.map((p) => p.id)).toEqual(['3']);
    const bad = await call('GET', '/v2/persons?cursor=cur_nonsense');
    expect(bad.status).toBe(400);
    expect(errorResponse(await bad.json())).toBe(true);
    const v1 = inProcessPersonio();
    const refused = await v1.call('GET', '/v2/persons', { token: v1.tokens.v1 });
    expect(refused.status).toBe(401);
    expect(errorResponse(await refused.json())).toBe(true);
  });

  it('a person’s employments; an unknown person is 404 common.requested_resource_not_found', async () => {
    const res = await call('GET', '/v2/persons/3/employments');
    const body = await res.json();
    expect(v2List(body)).toBe(true);
    const missing = await call('GET', '/v2/persons/9999/employments');
    expect(missing.status).toBe(404);
    const error = (await missing.json()) as { errors: { type: string }[] };
    expect(errorResponse(error)).toBe(true);
    expect(error.errors[0]!.type).toMatch(/#common\.requested_resource_not_found$/);
  });

  // Named so the gap shows in every run: nothing published to validate these against.
  it.todo(
    'not validated: a v2 person’s and an employment’s own fields (no published schema; the sandbox follows providers-wave2.md §2)',
  );
});
