/**
 * A key replaced with `hrgraph accounts update` is used by a running hrgraph from its next call,
 * for every provider's key-based auth kinds (issue 12, item 2's neighbour: Okta's API token and
 * Google's service-account key were read once, when the adapter was built, so a wrong key stayed
 * wrong until a restart). Driven by the same sandboxes as every-account-kind.test.ts.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccountRuntime } from '../../src/accounts/account-runtime.js';
import { openAccounts } from '../../src/accounts/open-accounts.js';
import { accountsCommand } from '../../src/cli/accounts.js';
import type { AuthKind } from '../../src/core/contract/index.js';
import { createHttpClient } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import { providerDefinition, providerNames } from '../../src/providers/registry.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { runCommand, startEveryProvider } from './support/in-process.js';

const keyKinds: readonly AuthKind[] = ['apiKey', 'serviceAccount'];
const cases = providerNames.flatMap((provider) =>
  providerDefinition(provider)
    .authKinds.filter((kind) => keyKinds.includes(kind))
    .map((kind) => ({ provider, kind, id: `${provider}-${kind.toLowerCase()}` })),
);

const otherPrivateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

/** The same secret, wrong: another API key, or the key file signed by another private key. */
function wrong(kind: AuthKind, secret: string): string {
  if (kind === 'apiKey') return `${secret.slice(0, -4)}0000`;
  const fields = JSON.parse(secret) as Record<string, unknown>;
  const name = 'private_key' in fields ? 'private_key' : 'privateKey';
  return JSON.stringify({ ...fields, [name]: otherPrivateKey });
}

let dir: string;
let providers: Awaited<ReturnType<typeof startEveryProvider>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-key-replaced-'));
  providers = await startEveryProvider(10, 3);
});
afterAll(async () => {
  await providers.close();
  await rm(dir, { recursive: true, force: true });
});

const hrgraph = (args: readonly string[], env: Readonly<Record<string, string>>) =>
  runCommand(accountsCommand, dir, args, env);

describe('accounts update: a replaced key is used from the next call, no restart', () => {
  test.each(cases)('$provider by $kind', async ({ provider, kind, id }) => {
    const setup = providers.sandboxes.get(provider)?.kinds[kind];
    expect(setup, 'a sandbox setup for this kind').toBeDefined();
    if (!setup) return;
    const right = setup.env.KEY ?? '';
    await hrgraph(['add', id, '--provider', provider, ...setup.args], {
      KEY: wrong(kind, right),
    });
    const service = await openAccounts({ dataDir: dir, env: {} });
    const http = createHttpClient();
    const runtime = createAccountRuntime({ http, service, oauthApps: {} });
    try {
      await runtime.reload();
      const yoga = createHrGraphServer({
        adapters: runtime.adapters,
        standing: (account) => runtime.health(account)?.state(),
        createLoaders,
        logging: false,
      });
      const query = async () => {
        const response = await yoga.fetch('http://hrgraph/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: /* GraphQL */ `query One($id: ID!) {
              employees(account: $id, first: 1) { nodes { workEmail } }
            }`,
            variables: { id },
          }),
        });
        return (await response.json()) as {
          data?: { employees: { nodes: unknown[] } | null };
          errors?: { extensions?: { code?: string } }[];
        };
      };
      expect((await query()).errors?.[0]?.extensions?.code).toBe('UPSTREAM_AUTH_FAILED');

      // The secret's own options, as added (the key and, for Google, whom it acts for).
      const secretArgs = setup.args.flatMap((arg, i) =>
        ['--api-key-env', '--key-env', '--subject'].includes(arg)
          ? [arg, setup.args[i + 1] ?? '']
          : [],
      );
      await hrgraph(['update', id, ...secretArgs], { KEY: right });
      await runtime.reload();
      const after = await query();
      expect(after.errors).toBeUndefined();
      expect(after.data?.employees?.nodes).toHaveLength(1);
    } finally {
      await http.close();
      await service.close();
    }
  });
});
