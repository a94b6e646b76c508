/**
 * `hrgraph serve` as a user runs it: the real CLI (bin/hrgraph.js) in a child process on an
 * ephemeral port, over an account store holding an account of every provider and every way it
 * authenticates: BambooHR (API key and OAuth), Okta (SSWS token and a service app's key), Google
 * Workspace (a service-account key acting for the admin) and Gusto (OAuth), and an API token that
 * reads all but one of them. The sandboxes run in this process, so the child is hrgraph alone:
 * when it exits, hrgraph exited. Like the benchmarks' processes, it runs with the loopback guard
 * preloaded, and `stop` fails if it tried to reach anything else.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiTokens } from '../../../src/accounts/api-tokens.js';
import { openAccounts } from '../../../src/accounts/open-accounts.js';
import { readServiceAccountKey } from '../../../src/accounts/service-account-key.js';
import { type AccountId, accountId } from '../../../src/core/ids.js';
import {
  createBambooHrSandbox,
  DEFAULT_OAUTH_CLIENT,
} from '../../../src/sandbox/bamboohr/index.js';
import type { FaultOptions } from '../../../src/sandbox/common/faults.js';
import type { RunningServer } from '../../../src/sandbox/common/listen.js';
import { createCompany } from '../../../src/sandbox/company/index.js';
import { createGoogleWorkspaceSandbox } from '../../../src/sandbox/google-workspace/index.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
} from '../../../src/sandbox/gusto/index.js';
import { createOktaSandbox } from '../../../src/sandbox/okta/index.js';

export interface ServedHrGraphOptions {
  /** People in the one synthetic company every sandbox projects. @default 40 */
  readonly size?: number;
}

/** How the child ended, once it has. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ServedHrGraph {
  /** `http://127.0.0.1:PORT/graphql` */
  readonly url: string;
  /** The bearer token: reads every account but `outside`. */
  readonly token: string;
  /** Account ids the token reads, and one it does not (same company, its own credentials). */
  readonly accounts: readonly AccountId[];
  readonly outside: AccountId;
  /** Every secret the child holds (API keys, tokens): none may appear in its output. */
  readonly secrets: readonly string[];
  /** Makes every sandbox misbehave from now on (each with its own seeded draw); `{}` heals. */
  injectFaults(faults: FaultOptions): void;
  /** Set once the child has exited; null while it runs. */
  exited(): ChildExit | null;
  /** What the child wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

const bin = fileURLToPath(new URL('../../../bin/hrgraph.js', import.meta.url));
/** The benchmarks' guard, preloaded in the child: it reaches loopback only, like the tests. */
const loopbackOnly = new URL('../../../bench/loopback-only.ts', import.meta.url).href;
const startTimeoutMs = 60_000;

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`hrgraph serve did not start in time:\n${output()}`));
    }, startTimeoutMs);
    const check = () => {
      const match = /serving GraphQL at (http:\/\/\S+)/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(match[1]!);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`hrgraph serve exited (${code ?? signal}) before serving:\n${output()}`));
    });
  });
}

/** A PEM key's base64 lines: any of them in a response or the log is the key leaking. */
function privateKeyLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));
}

export async function startServedHrGraph(
  options: ServedHrGraphOptions = {},
): Promise<ServedHrGraph> {
  const { size = 40 } = options;
  const company = createCompany({ size, seed: 13, customFieldCount: 3 });
  const bamboo = createBambooHrSandbox({ companies: [company] });
  const gusto = createGustoSandbox({ company, rateLimit: false });
  // Rate limits out of reach, as Gusto's: the fuzz measures hrgraph, not a provider's quota.
  const unlimited = 1_000_000;
  const okta = createOktaSandbox({
    company,
    rateLimits: {
      users: unlimited,
      groups: unlimited,
      schemas: unlimited,
      org: unlimited,
      token: unlimited,
      other: unlimited,
    },
  });
  const google = createGoogleWorkspaceSandbox({ company, queriesPerMinutePerUser: unlimited });
  const sandboxes = [bamboo, gusto, okta, google];
  const running: RunningServer[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'hrgraph-fuzz-'));
  let child: ChildProcess | undefined;
  let exit: ChildExit | null = null;
  let output = '';
  const stop = async () => {
    if (child && !exit) {
      const ended = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await ended;
    }
    await Promise.all(running.map((server) => server.close()));
    await rm(dir, { recursive: true, force: true });
    // The guard names any attempt beyond loopback as the child exits.
    if (/beyond loopback/.test(output)) throw new Error(`hrgraph serve reached out:\n${output}`);
  };
  try {
    const [bambooAt, gustoAt, oktaAt, googleAt] = await Promise.all([
      bamboo.listen(),
      gusto.listen(),
      okta.listen(),
      google.listen(),
    ]);
    running.push(bambooAt, gustoAt, oktaAt, googleAt);
    const bambooUrl = `http://${company.domain}.localhost:${bambooAt.port}`;
    const bambooTokens = bamboo.issueAccessToken(company.domain);
    const gustoTokens = gusto.issueTokens();
    const apiKey = bamboo.apiKeyFor(company.domain);
    const oktaToken = okta.apiToken();
    const oktaApp = okta.serviceApp();
    const googleKey = google.serviceAccountKey(googleAt.url);
    const oktaTarget = {
      provider: 'okta',
      company: `${company.domain}.okta.com`,
      baseUrl: oktaAt.url,
    };
    const store = await openAccounts({ dataDir: dir, env: {} });
    const later = Date.now() + 3_600_000;
    const records = [
      {
        id: 'acme',
        provider: 'bamboohr',
        company: company.domain,
        baseUrl: bambooUrl,
        authKind: 'apiKey',
        secrets: { kind: 'apiKey', apiKey },
      },
      {
        id: 'acme-oauth',
        provider: 'bamboohr',
        company: company.domain,
        baseUrl: bambooUrl,
        authKind: 'oauth',
        secrets: {
          kind: 'oauth',
          tokens: { ...bambooTokens, expiresAt: later, scopes: ['offline_access', 'employee'] },
        },
      },
      {
        id: 'acme-gusto',
        provider: 'gusto',
        company: gusto.companyUuid,
        baseUrl: gustoAt.url,
        authKind: 'oauth',
        secrets: { kind: 'oauth', tokens: { ...gustoTokens, expiresAt: later, scopes: [] } },
      },
      {
        id: 'acme-okta',
        ...oktaTarget,
        authKind: 'apiKey',
        secrets: { kind: 'apiKey', apiKey: oktaToken },
      },
      {
        id: 'acme-okta-key',
        ...oktaTarget,
        authKind: 'serviceAccount',
        secrets: {
          kind: 'serviceAccount',
          key: readServiceAccountKey(
            JSON.stringify({
              clientId: oktaApp.clientId,
              keyId: oktaApp.keyId,
              privateKey: oktaApp.privateKeyPem,
            }),
          ),
        },
      },
      {
        id: 'acme-google',
        provider: 'google-workspace',
        company: 'my_customer',
        baseUrl: googleAt.url,
        authKind: 'serviceAccount',
        secrets: {
          kind: 'serviceAccount',
          key: readServiceAccountKey(JSON.stringify(googleKey), google.adminEmail),
        },
      },
      {
        id: 'outside',
        provider: 'bamboohr',
        company: company.domain,
        baseUrl: bambooUrl,
        authKind: 'apiKey',
        secrets: { kind: 'apiKey', apiKey },
      },
    ] as const;
    for (const record of records) {
      await store.add({ ...record, id: accountId(record.id) } as Parameters<typeof store.add>[0]);
    }
    const accounts = records.map((r) => accountId(r.id)).filter((id) => id !== 'outside');
    const token = (await createApiTokens(store.store).create('fuzz', accounts)).secret;
    await store.close();

    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        loopbackOnly,
        bin,
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--data-dir',
        dir,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          HRGRAPH_BAMBOOHR_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
          HRGRAPH_BAMBOOHR_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
          HRGRAPH_GUSTO_CLIENT_ID: DEFAULT_GUSTO_OAUTH_CLIENT.clientId,
          HRGRAPH_GUSTO_CLIENT_SECRET: DEFAULT_GUSTO_OAUTH_CLIENT.clientSecret,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
    });
    const url = await waitForUrl(child, () => output);
    return {
      url,
      token,
      accounts,
      outside: accountId('outside'),
      secrets: [
        token,
        apiKey,
        bambooTokens.accessToken,
        bambooTokens.refreshToken,
        gustoTokens.accessToken,
        gustoTokens.refreshToken,
        oktaToken,
        ...privateKeyLines(oktaApp.privateKeyPem),
        ...privateKeyLines(googleKey.private_key),
      ].filter((secret): secret is string => Boolean(secret)),
      injectFaults(faults) {
        for (const sandbox of sandboxes) sandbox.faults.configure(faults);
      },
      exited: () => exit,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Posts one document with the served instance's token. */
export async function postGraphQL(
  served: ServedHrGraph,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}
