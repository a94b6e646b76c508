/**
 * An hrgraph wired as `hrgraph serve` wires it (account store, runtime, OAuth routes) over the
 * BambooHR sandbox on an ephemeral port, with an injectable clock shared by both.
 */

import { type AccountLog, createAccountRuntime } from '../../src/accounts/account-runtime.js';
import type { AccountService } from '../../src/accounts/account-service.js';
import { createApiTokens } from '../../src/accounts/api-tokens.js';
import { openMemoryAccounts } from '../../src/accounts/open-accounts.js';
import { type AccountId, accountId, providerName } from '../../src/core/ids.js';
import { createHttpClient, type HttpClient } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import type { OAuthApp } from '../../src/providers/auth/oauth.js';
import type { AccountConfig } from '../../src/providers/registry.js';
import {
  type BambooHrSandboxOptions,
  createBambooHrSandbox,
  createManualClock,
  DEFAULT_OAUTH_CLIENT,
  type ManualClock,
} from '../../src/sandbox/bamboohr/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { oauthConnectRoutes } from '../../src/server/routes/oauth-connect.js';

export const app: OAuthApp = {
  clientId: DEFAULT_OAUTH_CLIENT.clientId,
  clientSecret: DEFAULT_OAUTH_CLIENT.clientSecret,
};

/** Two tenants in one sandbox, for isolation tests: acme and globex, `size` people each. */
export function twoCompanies(size = 10): Pick<BambooHrSandboxOptions, 'companies'> {
  return {
    companies: [
      { domain: 'acme', size },
      { domain: 'globex', size, seed: 7 },
    ],
  };
}

export interface AuthFixtureOptions {
  readonly sandbox?: Omit<BambooHrSandboxOptions, 'clock'>;
  readonly configAccounts?: (
    baseUrl: string,
    sandbox: ReturnType<typeof createBambooHrSandbox>,
  ) => AccountConfig[];
  readonly publicUrl?: string;
  readonly log?: AccountLog;
  readonly logging?: Parameters<typeof createHrGraphServer>[0]['logging'];
  /** Require hrgraph API tokens (from the fixture's store). @default false */
  readonly apiTokens?: boolean;
  /** Wraps the shared http client (to watch calls). */
  readonly http?: (http: HttpClient) => HttpClient;
}

export async function startAuthFixture(options: AuthFixtureOptions = {}) {
  const clock: ManualClock = createManualClock();
  const sandbox = createBambooHrSandbox({
    companies: [{ domain: 'acme', size: 30 }],
    ...options.sandbox,
    clock,
  });
  const running = await sandbox.listen();
  const baseUrl = `http://acme.localhost:${new URL(running.url).port}`;
  const service: AccountService = await openMemoryAccounts({ now: clock.now });
  const shared = createHttpClient();
  const http = options.http ? options.http(shared) : shared;
  const configAccounts = options.configAccounts?.(baseUrl, sandbox) ?? [];
  const tokens = createApiTokens(service.store, {
    now: clock.now,
    configAccounts: configAccounts.map((a) => a.id),
  });
  const runtime = createAccountRuntime({
    http,
    service,
    oauthApps: { bamboohr: app },
    configAccounts,
    now: clock.now,
    ...(options.log ? { log: options.log } : {}),
  });
  let publicUrl = options.publicUrl ?? 'http://localhost:4000';
  const yoga = createHrGraphServer({
    adapters: runtime.adapters,
    standing: (id) => runtime.health(id)?.state(),
    createLoaders,
    development: false,
    logging: options.logging ?? false,
    now: () => new Date(clock.now()),
    ...(options.apiTokens ? { apiTokens: { verify: tokens.verify } } : {}),
    routes: [
      oauthConnectRoutes({
        service,
        runtime,
        http,
        apps: { bamboohr: app },
        publicUrl: () => publicUrl,
        now: clock.now,
      }),
    ],
  });

  /** An OAuth account connected with tokens issued by the sandbox (the flow has its own test). */
  async function addOAuthAccount(id: string) {
    const issued = sandbox.issueAccessToken('acme');
    await service.add({
      id: accountId(id),
      provider: providerName('bamboohr'),
      company: 'acme',
      baseUrl,
      authKind: 'oauth',
      secrets: {
        kind: 'oauth',
        tokens: {
          accessToken: issued.accessToken,
          refreshToken: issued.refreshToken,
          expiresAt: clock.now() + 3600_000,
          scopes: ['offline_access', 'employee'],
        },
      },
    });
    await runtime.reload();
    return issued;
  }

  const hostOf = (domain: string) => baseUrl.replace('//acme.', `//${domain}.`);

  async function addApiKeyAccount(id: string, apiKey: string, company = 'acme') {
    await service.add({
      id: accountId(id),
      provider: providerName('bamboohr'),
      company,
      baseUrl: hostOf(company),
      authKind: 'apiKey',
      secrets: { kind: 'apiKey', apiKey },
    });
    await runtime.reload();
  }

  async function query(
    document: string,
    headers: Record<string, string> = {},
    variables: Record<string, unknown> = {},
  ) {
    const response = await yoga.fetch('http://hrgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: {
        message: string;
        path?: (string | number)[];
        extensions?: Record<string, unknown>;
      }[];
    };
  }

  const apiCalls = () => sandbox.log.count({ path: /^\/v\d/ });
  const tokenCalls = () => sandbox.log.count({ path: '/token.php' });

  return {
    clock,
    sandbox,
    baseUrl,
    sandboxUrl: running.url,
    service,
    runtime,
    yoga,
    http,
    addOAuthAccount,
    addApiKeyAccount,
    hostOf,
    tokens,
    query,
    apiCalls,
    tokenCalls,
    setPublicUrl(url: string) {
      publicUrl = url;
    },
    status: async (id: string) => (await service.get(accountId(id) as AccountId))?.status,
    async close() {
      await shared.close();
      await running.close();
      await service.close();
    },
  };
}

export type AuthFixture = Awaited<ReturnType<typeof startAuthFixture>>;
