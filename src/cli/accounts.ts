/**
 * `hrgraph accounts add|list|show|update|remove|connect-link|rotate-key`: the connected accounts in the store
 * (the data directory's SQLite file). Secrets come from an environment variable or standard input,
 * never from the command line (where `ps` and shell history would keep them), and nothing here
 * ever prints one.
 */
import { Command, Option } from 'commander';
import {
  checkAccountId,
  checkApiKey,
  checkBaseUrl,
  checkClientId,
  checkClientSecret,
  checkCompany,
  checkProvider,
  companyHelp,
} from '../accounts/account-input.js';
import type { AccountService } from '../accounts/account-service.js';
import { connectUrl, createConnectLinks } from '../accounts/connect-links.js';
import { accountView, describeAccount, detailedView, table } from '../accounts/describe.js';
import { openAccounts } from '../accounts/open-accounts.js';
import { readServiceAccountKey } from '../accounts/service-account-key.js';
import type { AccountSecrets } from '../accounts/types.js';
import { providerDefinition, providerNames } from '../providers/registry.js';
import {
  type BudgetFlags,
  budgetFrom,
  describeBudget,
  withBudgetOptions,
} from './budget-options.js';

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
  clientId?: string;
  clientSecretEnv?: string;
  clientSecretStdin?: boolean;
  keyEnv?: string;
  keyStdin?: boolean;
  subject?: string;
}

/**
 * The secret given on the command line's terms: an API key, a service-account key, a client id
 * and secret, or none.
 */
async function secretsFrom(options: SecretOptions, io: CliIo): Promise<AccountSecrets | undefined> {
  const given = [
    options.apiKeyEnv,
    options.apiKeyStdin,
    options.keyEnv,
    options.keyStdin,
    options.clientSecretEnv,
    options.clientSecretStdin,
  ];
  if (given.filter(Boolean).length > 1) {
    throw new Error(
      'give one secret, one way: --api-key-env, --api-key-stdin, --key-env, --key-stdin, --client-secret-env or --client-secret-stdin',
    );
  }
  const fromEnv = (name: string) => {
    const value = io.env[name];
    if (!value) throw new Error(`environment variable ${name} is not set`);
    return value;
  };
  if (options.apiKeyEnv) return { kind: 'apiKey', apiKey: checkApiKey(fromEnv(options.apiKeyEnv)) };
  if (options.apiKeyStdin) return { kind: 'apiKey', apiKey: checkApiKey(await io.readStdin()) };
  const clientSecret = options.clientSecretEnv
    ? fromEnv(options.clientSecretEnv)
    : options.clientSecretStdin
      ? await io.readStdin()
      : null;
  if (clientSecret !== null) {
    if (options.clientId === undefined) throw new Error('a client secret goes with --client-id');
    return {
      kind: 'clientSecret',
      clientId: checkClientId(options.clientId),
      clientSecret: checkClientSecret(clientSecret),
    };
  }
  if (options.clientId !== undefined) {
    throw new Error('--client-id goes with --client-secret-env or --client-secret-stdin');
  }
  const keyJson = options.keyEnv
    ? fromEnv(options.keyEnv)
    : options.keyStdin
      ? await io.readStdin()
      : null;
  if (keyJson !== null) {
    return { kind: 'serviceAccount', key: readServiceAccountKey(keyJson, options.subject) };
  }
  if (options.subject) throw new Error('--subject goes with a service-account key');
  return undefined;
}

const sealedLabel: Record<AccountSecrets['kind'], string> = {
  apiKey: 'API key',
  oauth: 'tokens',
  serviceAccount: 'private key',
  clientSecret: 'client secret',
};

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
    .option('--api-key-stdin', 'read the API key from standard input')
    .option(
      '--key-env <variable>',
      "read a service account's private key (Google key file JSON, or { clientId, privateKey, keyId }) from this environment variable",
    )
    .option('--key-stdin', "read a service account's private key JSON from standard input")
    .option(
      '--subject <user>',
      'whom the service account acts for (Google: an admin of the domain)',
    )
    .option('--client-id <id>', 'the client id of a client-credentials account (not a secret)')
    .option('--client-secret-env <variable>', 'read its client secret from this variable')
    .option('--client-secret-stdin', 'read its client secret from standard input');
}

export function accountsCommand(io: CliIo = processIo): Command {
  const accounts = new Command('accounts')
    .description('Connected accounts in the store (credentials sealed with AES-256-GCM).')
    .option('--data-dir <dir>', 'where the store and its key live (env HRGRAPH_DATA_DIR)');

  const add = secretOptions(
    accounts
      .command('add <id>')
      .description('Connect an account: by API key now, or by OAuth through /connect/<provider>.')
      .requiredOption('--company <name>', companyHelp())
      .option('--provider <name>', 'the provider', providerNames[0])
      .option('--base-url <url>', "call this URL instead of the provider's own host"),
  ).option('--oauth', 'an OAuth account: connect it through a link from accounts connect-link');
  add.action(async (id: string, options: SecretOptions & Record<string, string | boolean>) => {
    const run = withAccounts(io, add, async (service) => {
      const secrets = await secretsFrom(options, io);
      if (!secrets && !options.oauth) {
        throw new Error(
          'say how it authenticates: --api-key-env, --api-key-stdin, --key-env, --key-stdin, --client-id with --client-secret-env or --client-secret-stdin, or --oauth',
        );
      }
      if (secrets && options.oauth) throw new Error('an account has a key or OAuth, not both');
      const provider = checkProvider(String(options.provider));
      const authKind = secrets?.kind ?? 'oauth';
      const definition = providerDefinition(provider);
      if (!definition.authKinds.includes(authKind)) {
        throw new Error(
          `${definition.label} accounts authenticate with ${definition.authKinds.join(' or ')}, not ${authKind}`,
        );
      }
      const account = await service.add({
        id: checkAccountId(id),
        provider,
        company: checkCompany(String(options.company)),
        baseUrl: typeof options.baseUrl === 'string' ? checkBaseUrl(options.baseUrl) : null,
        authKind,
        secrets: secrets ?? null,
      });
      io.write(
        secrets
          ? `Added ${account.id} (${account.provider}, ${sealedLabel[secrets.kind]} sealed).\n`
          : `Added ${account.id} (${account.provider}, OAuth): connect it through the link hrgraph accounts connect-link ${account.id} prints\n`,
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
      const secrets = await secretsFrom(options, io);
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

  const budget = withBudgetOptions(
    accounts
      .command('budget <id>')
      .description(
        "Set an account's budget of provider calls (per request, per minute), for every token reading it; without flags, print it.",
      ),
  );
  budget.action(async (id: string, options: BudgetFlags) => {
    await withAccounts(io, budget, async (service) => {
      const accountId = checkAccountId(id);
      const prior = (await service.store.accountBudgets()).get(accountId);
      const next = budgetFrom(options, prior);
      if (!(await service.store.setAccountBudget(accountId, next))) {
        throw new Error(`no account ${id} in the store`);
      }
      io.write(`Account ${id}: ${describeBudget(next)}.\n`);
    })();
  });

  const remove = accounts.command('remove <id>').description('Forget an account and its secrets.');
  remove.action(async (id: string) => {
    await withAccounts(io, remove, async (service) => {
      if (!(await service.remove(checkAccountId(id)))) throw new Error(`no account ${id}`);
      io.write(`Removed ${id}.\n`);
    })();
  });

  const connectLink = accounts
    .command('connect-link <id>')
    .description(
      'Print a link that connects (or re-connects) an OAuth account in a browser: it works once, within 15 minutes.',
    )
    .option(
      '--public-url <url>',
      'where browsers reach hrgraph (env HRGRAPH_PUBLIC_URL)',
      io.env.HRGRAPH_PUBLIC_URL ?? 'http://localhost:4000',
    );
  connectLink.action(async (id: string, options: { publicUrl: string }) => {
    await withAccounts(io, connectLink, async (service) => {
      const account = await service.get(checkAccountId(id));
      if (account?.authKind !== 'oauth') throw new Error(`no OAuth account ${id}`);
      const { link, expiresAt } = await createConnectLinks(service.store).create(account);
      io.write(
        [
          `Open this in a browser to connect ${account.id} (${account.provider}, company ${account.company}).`,
          `It works once, until ${new Date(expiresAt).toISOString()}; treat it as a password:`,
          '',
          connectUrl(checkBaseUrl(options.publicUrl), account, link),
          '',
        ].join('\n'),
      );
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
