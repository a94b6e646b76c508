/**
 * The token endpoint (not in the Discovery document): RFC 6749 §5.1 success and §5.2 error
 * bodies as Google's https://oauth2.googleapis.com/token answers them.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  createGoogleWorkspaceSandbox,
  JWT_BEARER,
} from '../../../../src/sandbox/google-workspace/index.js';
import { assertion, postToken } from '../sandbox/support.js';

const ajv = new Ajv2020({ allErrors: true });
const success = ajv.compile({
  type: 'object',
  required: ['access_token', 'expires_in', 'token_type'],
  additionalProperties: false,
  properties: {
    access_token: { type: 'string', minLength: 1 },
    expires_in: { type: 'integer', minimum: 1 },
    token_type: { const: 'Bearer' },
  },
});
const failure = ajv.compile({
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      enum: [
        'invalid_request',
        'invalid_grant',
        'unauthorized_client',
        'unsupported_grant_type',
        'invalid_scope',
      ],
    },
    error_description: { type: 'string' },
  },
});

const sandbox = createGoogleWorkspaceSandbox({
  company: { seed: 7, size: 20, customFieldCount: 0 },
});

async function check(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  const validate = status === 200 ? success : failure;
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return body;
}

describe('POST /token conforms to RFC 6749 §5 as Google answers', () => {
  it('200 {access_token, expires_in, token_type: Bearer}', async () => {
    const body = await check(
      await postToken(sandbox, { grant_type: JWT_BEARER, assertion: await assertion(sandbox) }),
      200,
    );
    expect(body.expires_in).toBe(3599);
  });
  it('400 unsupported_grant_type', async () => {
    const body = await check(await postToken(sandbox, { grant_type: 'client_credentials' }), 400);
    expect(body.error).toBe('unsupported_grant_type');
  });
  it('400 invalid_request without an assertion', async () => {
    expect((await check(await postToken(sandbox, { grant_type: JWT_BEARER }), 400)).error).toBe(
      'invalid_request',
    );
  });
  it('400 invalid_grant for a bad signature', async () => {
    const jwt = await assertion(sandbox);
    const tampered = `${jwt.slice(0, -4)}${jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(
      (await check(await postToken(sandbox, { grant_type: JWT_BEARER, assertion: tampered }), 400))
        .error,
    ).toBe('invalid_grant');
  });
  it('401 unauthorized_client for a scope not delegated', async () => {
    const jwt = await assertion(sandbox, {
      scope: 'https://www.googleapis.com/auth/admin.directory.user',
    });
    expect(
      (await check(await postToken(sandbox, { grant_type: JWT_BEARER, assertion: jwt }), 401))
        .error,
    ).toBe('unauthorized_client');
  });
});
