/**
 * `hrgraph tokens create|list|revoke`: hrgraph's own API tokens, each scoped to a set of
 * accounts. Only a hash is stored; `create` prints the token once and nothing prints it again.
 */
import { Command } from 'commander';
import { checkAccountId } from '../accounts/account-input.js';
import type { AccountService } from '../accounts/account-service.js';
import type { AccountRef } from '../accounts/account-store.js';
import { createApiTokens } from '../accounts/api-tokens.js';
import { table } from '../accounts/describe.js';
import { openAccounts } from '../accounts/open-accounts.js';
import { type CliIo, processIo } from './accounts.js';
import {
  type BudgetFlags,
  budgetFrom,
  describeBudget,
  withBudgetOptions,
} from './budget-options.js';

function withStore(io: CliIo, command: Command, work: (service: AccountService) => Promise<void>) {
  return async () => {
    const { dataDir } = command.optsWithGlobals<{ dataDir?: string }>();
    const service = await openAccounts({ dataDir, env: io.env });
    try {
      await work(service);
    } finally {
      await service.close();
    }
  };
}

/** `a, b ,c` → checked account ids; none for an absent option. */
function idList(value: string | undefined) {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map(checkAccountId);
}

const describeRef = (ref: AccountRef) => (ref.record === null ? `${ref.id} (config file)` : ref.id);

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function tokensCommand(io: CliIo = processIo): Command {
  const tokens = new Command('tokens')
    .description("hrgraph's own API tokens (Authorization: Bearer), each scoped to accounts.")
    .option('--data-dir <dir>', 'where the store lives (env HRGRAPH_DATA_DIR)');

  const create = withBudgetOptions(tokens.command('create'))
    .description('Create a token for some accounts; it is printed once, here, and never again.')
    .requiredOption('--name <name>', 'what the token is for (a person, a gateway, …)')
    .option('--accounts <ids>', 'comma-separated ids of accounts in the store the token may read')
    .option(
      '--config-accounts <ids>',
      'comma-separated ids of accounts of the config file (serve --config) the token may read',
    )
    .option(
      '--admin',
      'the admin scope: may connect any OAuth account (POST /connect/<provider>?account=ID answers a connect link)',
    );
  create.action(
    async (
      options: {
        name: string;
        accounts?: string;
        configAccounts?: string;
        admin?: boolean;
      } & BudgetFlags,
    ) => {
      await withStore(io, create, async (service) => {
        const ids = idList(options.accounts);
        const configAccounts = idList(options.configAccounts);
        const admin = options.admin === true;
        if (ids.length + configAccounts.length === 0 && !admin) {
          throw new Error('--accounts or --config-accounts: at least one account id (or --admin)');
        }
        const { token, secret } = await createApiTokens(service.store).create(
          options.name.slice(0, 200),
          ids,
          { configAccounts, admin, budget: budgetFrom(options) },
        );
        const reads = token.accounts.map(describeRef).join(', ') || 'no accounts';
        io.write(
          [
            `Created ${admin ? 'admin ' : ''}token ${token.id} ("${token.name}") for: ${reads}`,
            `Budget of provider calls: ${describeBudget(token.budget)}`,
            '',
            secret,
            '',
            'Keep it now: only its hash is stored, so it cannot be shown again.',
            '',
          ].join('\n'),
        );
      })();
    },
  );

  const list = tokens
    .command('list')
    .description('Every token: id, name, accounts, created, revoked (never the token).')
    .option('--json', 'one JSON array');
  list.action(async (options: { json?: boolean }) => {
    await withStore(io, list, async (service) => {
      const api = createApiTokens(service.store);
      const all = await Promise.all(
        (await api.list()).map(async ({ hash: _hash, ...token }) => ({
          ...token,
          // A record removed since (its id perhaps reused) is named, but no longer read.
          accounts: await Promise.all(
            token.accounts.map(async (ref) => ({
              id: ref.id,
              from: ref.record === null ? 'config file' : 'store',
              removed: ref.record !== null && !(await api.live(ref)),
            })),
          ),
          createdAt: iso(token.createdAt),
          revokedAt: token.revokedAt === null ? null : iso(token.revokedAt),
        })),
      );
      if (options.json) return io.write(`${JSON.stringify(all, null, 2)}\n`);
      if (all.length === 0) return io.write('No tokens. Create one: hrgraph tokens create …\n');
      const rows = all.map((t) => [
        t.id,
        t.name,
        t.accounts
          .map(
            (a) => `${a.id}${a.from === 'config file' ? '(config)' : a.removed ? '(removed)' : ''}`,
          )
          .join(','),
        t.createdAt,
        t.revokedAt ?? '',
        t.admin ? 'admin' : '',
        describeBudget(t.budget),
      ]);
      io.write(
        `${table([['ID', 'NAME', 'ACCOUNTS', 'CREATED', 'REVOKED', 'SCOPE', 'BUDGET'], ...rows])}\n`,
      );
    })();
  });

  const revoke = tokens.command('revoke <id>').description('Stop a token from working, at once.');
  revoke.action(async (id: string) => {
    await withStore(io, revoke, async (service) => {
      if (!(await createApiTokens(service.store).revoke(id))) {
        throw new Error(`no active token ${id}`);
      }
      io.write(`Revoked token ${id}.\n`);
    })();
  });

  const budget = withBudgetOptions(
    tokens.command('budget <id>').description("Set a token's budget of provider calls."),
  );
  budget.action(async (id: string, options: BudgetFlags) => {
    await withStore(io, budget, async (service) => {
      const token = await service.store.token(id);
      if (!token) throw new Error(`no token ${id}`);
      const next = budgetFrom(options, token.budget);
      await service.store.setTokenBudget(id, next);
      io.write(`Token ${id}: ${describeBudget(next)}.\n`);
    })();
  });

  return tokens;
}
