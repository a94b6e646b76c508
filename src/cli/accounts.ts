/**
 * `hrgraph accounts add|list|show|update|remove|rotate-key`: the connected accounts in the store
 * (the data directory's SQLite file). Secrets come from an environment variable or standard input,
 * never from the command line (where `ps` and shell history would keep them), and nothing here
 * ever prints one.
 */
import { Command, Option } from 'commander';
import {
  checkAccountId,
  checkApiKey,
  checkBaseUrl,
  checkCompany,
  checkProvider,
} from '../accounts/account-input.js';
import type { AccountService } from '../accounts/account-service.js';
import { accountView, describeAccount, detailedView, table } from '../accounts/describe.js';
import { openAccounts } from '../accounts/open-accounts.js';
import type { AccountSecrets } from '../accounts/types.js';

export interface CliIo {
  write(text: string): void;
  /** All of standard input, for secrets piped in. */
  readStdin(): Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIo: CliIo = {
  write: (text) => process.stdout.write(text),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

interface SecretOptions {
  apiKeyEnv?: string;
  apiKeyStdin?: boolean;
}

async function apiKeyFrom(options: SecretOptions, io: CliIo): Promise<AccountSecrets | undefined> {
  if (options.apiKeyEnv && options.apiKeyStdin) {
    throw new Error('give the API key one way: --api-key-env or --api-key-stdin');
  }
  if (options.apiKeyEnv) {
    const value = io.env[options.apiKeyEnv];
    if (!value) throw new Error(`environment variable ${options.apiKeyEnv} is not set`);
    return { kind: 'apiKey', apiKey: checkApiKey(value) };
  }
  if (options.apiKeyStdin) return { kind: 'apiKey', apiKey: checkApiKey(await io.readStdin()) };
  return undefined;
}

/** Runs `work` on the store of `--data-dir`, closing it after. */
function withAccounts(
  io: CliIo,
  command: Command,
  work: (accounts: AccountService) => Promise<void>,
) {
  return async () => {
    const { dataDir } = command.optsWithGlobals<{ dataDir?: string }>();
    const accounts = await openAccounts({ dataDir, env: io.env });
    try {
      await work(accounts);
    } finally {
      await accounts.close();
    }
  };
}

function secretOptions(command: Command): Command {
  return command
    .option('--api-key-env <variable>', 'read the API key from this environment variable')
    .option('--api-key-stdin', 'read the API key from standard input');
}

export function accountsCommand(io: CliIo = processIo): Command {
  const accounts = new Command('accounts')
    .description('Connected accounts in the store (credentials sealed with AES-256-GCM).')
    .option('--data-dir <dir>', 'where the store and its key live (env HRGRAPH_DATA_DIR)');

  const add = secretOptions(
    accounts
      .command('add <id>')
      .description('Connect an account: by API key now, or by OAuth through /connect/<provider>.')
      .requiredOption('--company <name>', "the provider's company name (BambooHR: the subdomain)")
      .option('--provider <name>', 'the provider', 'bamboohr')
      .option('--base-url <url>', "call this URL instead of the provider's own host"),
  ).option('--oauth', 'an OAuth account: connect it at /connect/<provider>?account=<id>');
  add.action(async (id: string, options: SecretOptions & Record<string, string | boolean>) => {
    const run = withAccounts(io, add, async (service) => {
      const secrets = await apiKeyFrom(options, io);
      if (!secrets && !options.oauth) {
        throw new Error('say how it authenticates: --api-key-env, --api-key-stdin or --oauth');
      }
      if (secrets && options.oauth) throw new Error('an account has an API key or OAuth, not both');
      const account = await service.add({
        id: checkAccountId(id),
        provider: checkProvider(String(options.provider)),
        company: checkCompany(String(options.company)),
        baseUrl: typeof options.baseUrl === 'string' ? checkBaseUrl(options.baseUrl) : null,
        authKind: secrets ? 'apiKey' : 'oauth',
        secrets: secrets ?? null,
      });
      io.write(
        secrets
          ? `Added ${account.id} (${account.provider}, API key sealed).\n`
          : `Added ${account.id} (${account.provider}, OAuth): connect it at /connect/${account.provider}?account=${account.id}\n`,
      );
    });
    await run();
  });

  const list = accounts
    .command('list')
    .description('Every account, its status and auth kind (never a secret).')
    .option('--json', 'one JSON array');
  list.action(async (options: { json?: boolean }) => {
    await withAccounts(io, list, async (service) => {
      const views = (await service.list()).map(accountView);
      if (options.json) return io.write(`${JSON.stringify(views, null, 2)}\n`);
      if (views.length === 0) return io.write('No accounts. Add one: hrgraph accounts add …\n');
      const rows = views.map((v) => [v.id, v.provider, v.company, v.auth, v.status, v.updatedAt]);
      io.write(`${table([['ID', 'PROVIDER', 'COMPANY', 'AUTH', 'STATUS', 'UPDATED'], ...rows])}\n`);
    })();
  });

  const show = accounts
    .command('show <id>')
    .description('One account in full, its credentials described but never shown.')
    .option('--json', 'as JSON');
  show.action(async (id: string, options: { json?: boolean }) => {
    await withAccounts(io, show, async (service) => {
      const account = await service.get(checkAccountId(id));
      if (!account) throw new Error(`no account ${id}`);
      const view = detailedView(service, account);
      io.write(options.json ? `${JSON.stringify(view, null, 2)}\n` : `${describeAccount(view)}\n`);
    })();
  });

  const update = secretOptions(
    accounts
      .command('update <id>')
      .description('Change the company, base URL, API key or status of an account.')
      .option('--company <name>', 'the new company name (companies rename)')
      .option('--base-url <url>', "call this URL instead of the provider's own host")
      .option('--no-base-url', "call the provider's own host again"),
  )
    .addOption(new Option('--disable', 'stop every call for this account').conflicts('enable'))
    .option('--enable', 'enable again (also lifts a lockout)');
  update.action(async (id: string, options: SecretOptions & Record<string, unknown>) => {
    await withAccounts(io, update, async (service) => {
      const secrets = await apiKeyFrom(options, io);
      const baseUrl =
        options.baseUrl === false
          ? null
          : typeof options.baseUrl === 'string'
            ? checkBaseUrl(options.baseUrl)
            : undefined;
      const updated = await service.update(checkAccountId(id), {
        ...(typeof options.company === 'string' ? { company: checkCompany(options.company) } : {}),
        ...(baseUrl !== undefined ? { baseUrl } : {}),
        ...(secrets ? { secrets } : {}),
        ...(options.disable ? { status: 'DISABLED' as const } : {}),
        ...(options.enable ? { status: 'ACTIVE' as const } : {}),
      });
      if (!updated) throw new Error(`no account ${id}`);
      io.write(`Updated ${updated.id}: status ${updated.status}.\n`);
    })();
  });

  const remove = accounts.command('remove <id>').description('Forget an account and its secrets.');
  remove.action(async (id: string) => {
    await withAccounts(io, remove, async (service) => {
      if (!(await service.remove(checkAccountId(id)))) throw new Error(`no account ${id}`);
      io.write(`Removed ${id}.\n`);
    })();
  });

  const rotate = accounts
    .command('rotate-key')
    .description(
      'Re-seal every credential under a new key (HRGRAPH_ACCOUNTS_NEW_KEY for env keys).',
    );
  rotate.action(async () => {
    await withAccounts(io, rotate, async (service) => {
      const before = service.keyId();
      const { accounts: count, keyId } = await service.rotateKey();
      io.write(`Re-sealed ${count} account(s): key ${before} → ${keyId}.\n`);
    })();
  });

  return accounts;
}
