/**
 * Driving the Google Workspace sandbox in-process: a small company, the admin's token, and a
 * signed JWT-bearer assertion from the sandbox's own key file.
 */
import { importPKCS8, SignJWT } from 'jose';
import {
  createGoogleWorkspaceSandbox,
  type GoogleWorkspaceSandbox,
  type GoogleWorkspaceSandboxOptions,
  JWT_BEARER,
} from '../../../../src/sandbox/google-workspace/index.js';

export const ORIGIN = 'http://admin.googleapis.test';
export const TOKEN_URI = `${ORIGIN}/token`;

export function smallSandbox(options: GoogleWorkspaceSandboxOptions = {}): GoogleWorkspaceSandbox {
  return createGoogleWorkspaceSandbox({
    company: { seed: 7, size: 60, customFieldCount: 30 },
    ...options,
  });
}

export interface GetOptions {
  /** Bearer token; null sends none. @default the admin's token with every delegated scope */
  token?: string | null;
}

export function client(sandbox: GoogleWorkspaceSandbox) {
  let adminToken: string | null = null;
  return async function get(
    path: string,
    query: Record<string, string | number | boolean> = {},
    options: GetOptions = {},
  ): Promise<Response> {
    adminToken ??= sandbox.issueAccessToken().accessToken;
    const token = options.token === undefined ? adminToken : options.token;
    const url = new URL(`${ORIGIN}/admin/directory/v1${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return sandbox.app.fetch(new Request(url, { headers }));
  };
}

export interface AssertionClaims {
  iss?: string;
  sub?: string;
  scope?: string;
  aud?: string;
  iat?: number;
  exp?: number;
}

/** A JWT-bearer assertion signed with the sandbox's service-account key. */
export async function assertion(
  sandbox: GoogleWorkspaceSandbox,
  claims: AssertionClaims = {},
  header: { kid?: string } = {},
): Promise<string> {
  const key = sandbox.serviceAccountKey(ORIGIN);
  const now = Math.floor(sandbox.clock.now() / 1000);
  const {
    iss = key.client_email,
    sub = sandbox.adminEmail,
    scope = 'https://www.googleapis.com/auth/admin.directory.user.readonly',
    aud = key.token_uri,
    iat = now,
    exp = now + 3600,
  } = claims;
  const payload: Record<string, unknown> = { iss, scope, aud, iat, exp };
  if (sub !== '') payload.sub = sub;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: header.kid ?? key.private_key_id })
    .sign(await importPKCS8(key.private_key, 'RS256'));
}

export function postToken(
  sandbox: GoogleWorkspaceSandbox,
  form: Record<string, string>,
): Promise<Response> {
  return Promise.resolve(
    sandbox.app.fetch(
      new Request(TOKEN_URI, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    ),
  );
}

export async function grant(
  sandbox: GoogleWorkspaceSandbox,
  claims: AssertionClaims = {},
): Promise<Response> {
  return postToken(sandbox, {
    grant_type: JWT_BEARER,
    assertion: await assertion(sandbox, claims),
  });
}
