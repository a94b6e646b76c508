/**
 * Demo mode's OAuth account: runs the sandbox's authorization-code flow programmatically (the
 * authorize step auto-approves and redirects with a code; the code is exchanged at /token.php),
 * then refreshes the token before it expires, like a real connected account would.
 *
 * Requests go through the sandbox app in-process (`app.fetch` with the company-host URL), so the
 * flow needs no DNS for `acme.localhost` and runs the same code paths a browser would reach.
 */
import { randomUUID } from 'node:crypto';
import { type BambooHrSandbox, DEFAULT_OAUTH_CLIENT } from '../../sandbox/bamboohr/index.js';
import { type DemoTokens, keepFresh } from '../fresh-token.js';
import { BAMBOOHR_SCOPES } from './oauth.js';

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
}

async function exchange(
  sandbox: BambooHrSandbox,
  hostRoot: string,
  form: Record<string, string>,
): Promise<DemoTokens> {
  const client = DEFAULT_OAUTH_CLIENT;
  const response = await sandbox.app.fetch(
    new Request(`${hostRoot}/token.php?request=token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        ...form,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    }),
  );
  const body = (await response.json()) as TokenResponse;
  if (!response.ok || !body.access_token) {
    throw new Error(
      `the sandbox token endpoint answered ${response.status} ${body.error ?? ''}`.trim(),
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
  };
}

async function authorize(sandbox: BambooHrSandbox, hostRoot: string): Promise<DemoTokens> {
  const redirectUri = DEFAULT_OAUTH_CLIENT.redirectUris[0] ?? '';
  const state = randomUUID();
  const query = new URLSearchParams({
    request: 'authorize',
    response_type: 'code',
    client_id: DEFAULT_OAUTH_CLIENT.clientId,
    redirect_uri: redirectUri,
    scope: BAMBOOHR_SCOPES.join(' '),
    state,
  });
  const response = await sandbox.app.fetch(new Request(`${hostRoot}/authorize.php?${query}`));
  const location = response.headers.get('location');
  const back = location ? new URL(location) : null;
  const code = back?.searchParams.get('code');
  if (!code || back?.searchParams.get('state') !== state) {
    throw new Error(`the sandbox authorize step answered ${response.status} without a code`);
  }
  return exchange(sandbox, hostRoot, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
  });
}

/** Authorizes once now; the returned function hands out a fresh access token on every call. */
export async function sandboxAccessToken(
  sandbox: BambooHrSandbox,
  hostRoot: string,
): Promise<() => Promise<string>> {
  return keepFresh(await authorize(sandbox, hostRoot), (tokens) =>
    tokens.refreshToken
      ? exchange(sandbox, hostRoot, {
          grant_type: 'refresh_token',
          refresh_token: tokens.refreshToken,
        })
      : authorize(sandbox, hostRoot),
  );
}
