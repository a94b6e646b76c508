/**
 * Issue 12, item 2: `hrgraph serve` crashed as soon as the store held a Google Workspace
 * service-account account. A new user's path, for every provider of the registry and every way
 * its accounts authenticate: `hrgraph accounts add` into a fresh store, `hrgraph tokens create`,
 * `hrgraph serve` over that store, OAuth accounts connected through /connect, and a real query
 * answered by each account from its sandbox.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountsCommand } from '../../src/cli/accounts.js';
import { runServe, type ServeHandle } from '../../src/cli/serve.js';
import { tokensCommand } from '../../src/cli/tokens.js';
import { localhostAwareLookup } from '../../src/http/localhost-lookup.js';
import { providerDefinition, providerNames } from '../../src/providers/registry.js';
import { runCommand, startEveryProvider } from './support/in-process.js';
import { PUBLIC_URL } from './support/provider-sandboxes.js';

/** Every (provider, auth kind) the registry accepts, named as accounts: `okta-serviceaccount`. */
const cases = providerNames.flatMap((provider) =>
  providerDefinition(provider).authKinds.map((kind) => ({
    provider,
    kind,
    id: `${provider}-${kind.toLowerCase()}`,
  })),
);

let dir: string;
let served: ServeHandle | undefined;
let token: string;
let providers: Awaited<ReturnType<typeof startEveryProvider>>;
/** A browser: resolves *.localhost to loopback like real ones do. */
const browser = new Agent({ connect: { lookup: localhostAwareLookup } });

const hrgraph = (
  command: typeof accountsCommand,
  args: readonly string[],
  env?: Readonly<Record<string, string>>,
) => runCommand(command, dir, args, env);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-every-kind-'));
  providers = await startEveryProvider(12, 12);
});
afterAll(async () => {
  await served?.stop();
  await providers.close();
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * `hrgraph accounts connect-link` → the link (on this server's origin) → the sandbox's authorize
 * (auto-approved) → /oauth/callback.
 */
async function connect(origin: string, id: string): Promise<void> {
  const printed = await hrgraph(accountsCommand, ['connect-link', id], {
    HRGRAPH_PUBLIC_URL: PUBLIC_URL,
  });
  const link = new URL(printed.match(/https?:\/\/\S+/)?.[0] ?? '');
  const start = await fetch(`${origin}${link.pathname}${link.search}`, {
    redirect: 'manual',
    dispatcher: browser,
  });
  expect(start.status, link.pathname).toBe(302);
  const cookie = start.headers.get('set-cookie')?.split(';')[0] ?? '';
  const approved = await fetch(start.headers.get('location') ?? '', {
    redirect: 'manual',
    dispatcher: browser,
  });
  const back = new URL(approved.headers.get('location') ?? '');
  expect(back.origin).toBe(PUBLIC_URL);
  // The provider sends the browser to the public URL; here that is this very server.
  const done = await fetch(`${origin}${back.pathname}${back.search}`, {
    redirect: 'manual',
    dispatcher: browser,
    headers: { cookie },
  });
  expect(done.status, await done.text()).toBe(200);
}

describe('hrgraph accounts add, then serve: every provider, every auth kind answers', () => {
  test('every registry auth kind has a sandbox setup (a new provider brings its own)', () => {
    const missing = cases.filter(
      ({ provider, kind }) => !providers.sandboxes.get(provider)?.kinds[kind],
    );
    expect(missing).toEqual([]);
  });

  test('accounts add stores each kind through the CLI', async () => {
    for (const { provider, kind, id } of cases) {
      const setup = providers.sandboxes.get(provider)?.kinds[kind];
      if (!setup) continue;
      const out = await hrgraph(
        accountsCommand,
        ['add', id, '--provider', provider, ...setup.args],
        setup.env,
      );
      expect(out).toMatch(new RegExp(`^Added ${id} \\(${provider}`));
    }
    const created = await hrgraph(tokensCommand, [
      'create',
      '--name',
      'every-kind',
      '--accounts',
      cases.map((c) => c.id).join(','),
    ]);
    token = created.match(/^hrg_\S+$/m)?.[0] ?? '';
    expect(token).not.toBe('');
  });

  test('serve starts over that store and names every account', async () => {
    const env: Record<string, string> = { HRGRAPH_PUBLIC_URL: PUBLIC_URL };
    for (const [provider, sandbox] of providers.sandboxes) {
      if (!sandbox.oauthApp) continue;
      const prefix = `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
      env[`${prefix}_CLIENT_ID`] = sandbox.oauthApp.clientId;
      env[`${prefix}_CLIENT_SECRET`] = sandbox.oauthApp.clientSecret;
    }
    let banner = '';
    served = await runServe({
      port: 0,
      dataDir: dir,
      env,
      handleSignals: false,
      write: (text) => {
        banner += text;
      },
      log: { info: () => {}, warn: () => {} },
    });
    for (const { provider, kind, id } of cases) {
      expect(banner).toContain(`${id} (${provider}, ${kind})`);
    }
  });

  test.each(cases)('$provider by $kind answers a directory query', async ({ kind, id }) => {
    expect(served, 'serve started').toBeDefined();
    const url = served?.url ?? '';
    if (kind === 'oauth') await connect(new URL(url).origin, id);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: /* GraphQL */ `query Directory($id: ID!) {
          account(id: $id) { status }
          employees(account: $id, first: 3) { nodes { displayName workEmail } }
        }`,
        variables: { id },
      }),
    });
    const body = (await response.json()) as {
      data?: {
        account: { status: string } | null;
        employees: { nodes: { displayName: string; workEmail: string }[] };
      };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.account?.status).toBe('ACTIVE');
    const nodes = body.data?.employees.nodes ?? [];
    expect(nodes).toHaveLength(3);
    for (const node of nodes) expect(node.workEmail).toMatch(/@/);
  });
});
