/**
 * An hrgraph wired as `hrgraph serve` wires it (account store, runtime, OAuth routes) over the
 * Gusto sandbox on an ephemeral port, with one injectable clock for both, and a Gusto account
 * `payroll` already connected with tokens the sandbox issued.
 */
import { createAccountRuntime } from '../../src/accounts/account-runtime.js';
import type { AccountService } from '../../src/accounts/account-service.js';
import { openMemoryAccounts } from '../../src/accounts/open-accounts.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import type { OAuthApp } from '../../src/providers/auth/oauth.js';
import { createManualClock } from '../../src/sandbox/common/clock.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
  type GustoSandboxOptions,
} from '../../src/sandbox/gusto/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { oauthConnectRoutes } from '../../src/server/routes/oauth-connect.js';

export const gustoApp: OAuthApp = {
  clientId: DEFAULT_GUSTO_OAUTH_CLIENT.clientId,
  clientSecret: DEFAULT_GUSTO_OAUTH_CLIENT.clientSecret,
};

/** The sandbox client's registered redirect URI is http://localhost:4000/oauth/callback. */
export const GUSTO_PUBLIC_URL = 'http://localhost:4000';

/** Gusto's access tokens live two hours. */
export const GUSTO_TOKEN_MS = 7_200_000;

export interface GustoFixtureOptions {
  readonly sandbox?: Omit<GustoSandboxOptions, 'clock'>;
  /** Wraps the shared http client (to watch or hold calls). */
  readonly http?: (http: HttpClient) => HttpClient;
  /** The scopes of the account's first tokens. @default the sandbox client's */
  readonly firstScopes?: readonly string[];
}

export async function startGustoFixture(options: GustoFixtureOptions = {}) {
  const clock = createManualClock();
  const sandbox = createGustoSandbox({
    company: { seed: 3, size: 30 },
    rateLimit: false,
    ...options.sandbox,
    clock,
  });
  const running = await sandbox.listen();
  const service: AccountService = await openMemoryAccounts({ now: clock.now });
  const shared = createHttpClient();
  const http = options.http ? options.http(shared) : shared;
  const runtime = createAccountRuntime({
    http,
    service,
    oauthApps: { gusto: gustoApp },
    now: clock.now,
  });
  const yoga = createHrGraphServer({
    adapters: runtime.adapters,
    createLoaders,
    development: false,
    logging: false,
    now: () => new Date(clock.now()),
    routes: [
      oauthConnectRoutes({
        service,
        runtime,
        http,
        apps: { gusto: gustoApp },
        publicUrl: GUSTO_PUBLIC_URL,
        now: clock.now,
      }),
    ],
  });
  const first = sandbox.issueTokens(options.firstScopes);
  await service.add({
    id: accountId('payroll'),
    provider: providerName('gusto'),
    company: sandbox.companyUuid,
    baseUrl: running.url,
    authKind: 'oauth',
    secrets: {
      kind: 'oauth',
      tokens: { ...first, expiresAt: clock.now() + GUSTO_TOKEN_MS, scopes: [] },
    },
  });
  await runtime.reload();

  async function query(document: string) {
    const response = await yoga.fetch('http://hrgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  }

  return {
    clock,
    sandbox,
    yoga,
    sandboxUrl: running.url,
    service,
    runtime,
    first,
    query,
    tokenCalls: () => sandbox.log.count({ path: '/oauth/token' }),
    status: async () => (await service.get(accountId('payroll')))?.status,
    async close() {
      await shared.close();
      await running.close();
      await service.close();
    },
  };
}
