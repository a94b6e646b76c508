/**
 * The accounts file `hrgraph serve --config FILE` reads (YAML, or JSON, which is YAML too):
 *
 * ```yaml
 * accounts:
 *   - id: acme
 *     provider: bamboohr
 *     company: acme                 # BambooHR's company subdomain
 *     baseUrl: https://…            # optional: a proxy, or the sandbox
 *     auth:
 *       apiKey: { env: ACME_BAMBOOHR_API_KEY }
 *   - id: globex
 *     provider: bamboohr
 *     company: globex
 *     auth:
 *       oauth: { accessToken: { env: GLOBEX_BAMBOOHR_TOKEN } }
 *   - id: acme-google
 *     provider: google-workspace
 *     company: my_customer          # the Workspace customer id (or the domain)
 *     auth:
 *       serviceAccount:
 *         key: { env: ACME_GOOGLE_KEY_JSON }   # the key file's JSON
 *         subject: admin@acme.example          # the admin the key acts for
 *   - id: acme-personio
 *     provider: personio
 *     company: acme
 *     auth:
 *       clientSecret:
 *         clientId: papi-…                     # not a secret: shown by `accounts show`
 *         secret: { env: ACME_PERSONIO_SECRET }
 * ```
 *
 * Secrets come only from environment variables: a literal secret in the file is an error, so
 * the file can be committed and shared. Every problem is reported at once, by its path; a value
 * (possibly a secret) is never echoed.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { type AccountId, isAccountId, type ProviderName } from '../core/ids.js';
import {
  type AccountConfig,
  type AccountCredentials,
  isProviderName,
  providerNames,
} from '../providers/registry.js';
import {
  AccountInputError,
  checkClientId,
  checkClientSecret,
  companyHelp,
  isCompanyName,
} from './account-input.js';
import { readServiceAccountKey } from './service-account-key.js';

export class ConfigFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${source}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigFileError';
  }
}

export interface ConfigFileOptions {
  /** Where `{ env: NAME }` values are read. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

const envName = /^[A-Za-z_][A-Za-z0-9_]*$/;

type PlainObject = Record<string, unknown>;

function isRecord(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads accounts from a parsed document; pushes a message per problem. */
function readAccounts(doc: unknown, env: ConfigFileOptions['env'] & {}, problems: string[]) {
  const accounts: AccountConfig[] = [];
  if (!isRecord(doc) || !Array.isArray(doc.accounts) || doc.accounts.length === 0) {
    problems.push('expected `accounts:` with at least one account');
    return accounts;
  }
  for (const key of Object.keys(doc)) {
    if (key !== 'accounts') problems.push(`unknown key \`${key}\``);
  }
  const seen = new Set<string>();
  doc.accounts.forEach((entry: unknown, index: number) => {
    const at = `accounts[${index}]`;
    const account = readAccount(entry, at, env, problems);
    if (!account) return;
    if (seen.has(account.id)) problems.push(`${at}.id: "${account.id}" is used twice`);
    seen.add(account.id);
    accounts.push(account);
  });
  return accounts;
}

function unknownKeys(
  value: PlainObject,
  allowed: readonly string[],
  at: string,
  problems: string[],
) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${at}: unknown key \`${key}\``);
  }
}

function readAccount(
  entry: unknown,
  at: string,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): AccountConfig | undefined {
  if (!isRecord(entry)) {
    problems.push(`${at}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  unknownKeys(entry, ['id', 'provider', 'company', 'baseUrl', 'auth'], at, problems);
  const { id, provider, company, baseUrl } = entry;
  if (typeof id !== 'string' || !isAccountId(id)) {
    problems.push(
      `${at}.id: 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit`,
    );
  }
  if (typeof provider !== 'string' || !isProviderName(provider)) {
    problems.push(`${at}.provider: one of ${providerNames.join(', ')}`);
  }
  if (!isCompanyName(company)) {
    problems.push(`${at}.company: ${companyHelp()}`);
  }
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    problems.push(`${at}.baseUrl: an http(s) URL`);
  }
  const credentials = readAuth(entry.auth, `${at}.auth`, env, problems);
  if (problems.length > before || !credentials) return undefined;
  return {
    id: id as AccountId,
    provider: provider as ProviderName,
    company: company as string,
    ...(typeof baseUrl === 'string' ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    credentials,
  };
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `{ env: NAME }` → the variable's value; anything else is a problem. */
function secret(
  value: unknown,
  at: string,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): string | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1 || typeof value.env !== 'string') {
    problems.push(
      `${at}: secrets are read from environment variables only; write \`{ env: VARIABLE_NAME }\``,
    );
    return undefined;
  }
  if (!envName.test(value.env)) {
    problems.push(`${at}.env: not a valid environment variable name`);
    return undefined;
  }
  const found = env[value.env];
  if (!found) {
    problems.push(`${at}: environment variable ${value.env} is not set`);
    return undefined;
  }
  return found;
}

function readAuth(
  auth: unknown,
  at: string,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): AccountCredentials | undefined {
  const kinds = ['apiKey', 'oauth', 'serviceAccount', 'clientSecret'];
  if (!isRecord(auth) || Object.keys(auth).length !== 1 || !kinds.some((kind) => kind in auth)) {
    problems.push(
      `${at}: exactly one of \`apiKey: { env: … }\`, \`oauth: { accessToken: { env: … } }\`, \`serviceAccount: { key: { env: … }, subject: … }\` or \`clientSecret: { clientId: …, secret: { env: … } }\``,
    );
    return undefined;
  }
  if ('apiKey' in auth) {
    const apiKey = secret(auth.apiKey, `${at}.apiKey`, env, problems);
    return apiKey ? { kind: 'apiKey', apiKey } : undefined;
  }
  if ('serviceAccount' in auth) return readServiceAccount(auth.serviceAccount, at, env, problems);
  if ('clientSecret' in auth) return readClientSecret(auth.clientSecret, at, env, problems);
  const oauth = auth.oauth;
  if (!isRecord(oauth)) {
    problems.push(`${at}.oauth: expected \`{ accessToken: { env: … } }\``);
    return undefined;
  }
  unknownKeys(oauth, ['accessToken'], `${at}.oauth`, problems);
  const token = secret(oauth.accessToken, `${at}.oauth.accessToken`, env, problems);
  return token ? { kind: 'oauth', accessToken: async () => token } : undefined;
}

function readServiceAccount(
  value: unknown,
  at: string,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): AccountCredentials | undefined {
  const where = `${at}.serviceAccount`;
  if (!isRecord(value)) {
    problems.push(`${where}: expected \`{ key: { env: … }, subject: … }\``);
    return undefined;
  }
  unknownKeys(value, ['key', 'subject'], where, problems);
  if (value.subject !== undefined && typeof value.subject !== 'string') {
    problems.push(`${where}.subject: the user the key acts for, as text`);
    return undefined;
  }
  const json = secret(value.key, `${where}.key`, env, problems);
  if (!json) return undefined;
  try {
    return { kind: 'serviceAccount', key: readServiceAccountKey(json, value.subject) };
  } catch (error) {
    if (!(error instanceof AccountInputError)) throw error;
    problems.push(`${where}.key: ${error.message}`);
    return undefined;
  }
}

function readClientSecret(
  value: unknown,
  at: string,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): AccountCredentials | undefined {
  const where = `${at}.clientSecret`;
  if (!isRecord(value)) {
    problems.push(`${where}: expected \`{ clientId: …, secret: { env: … } }\``);
    return undefined;
  }
  unknownKeys(value, ['clientId', 'secret'], where, problems);
  let clientId: string | undefined;
  try {
    clientId = checkClientId(value.clientId);
  } catch (error) {
    if (!(error instanceof AccountInputError)) throw error;
    problems.push(`${where}.clientId: ${error.message}`);
  }
  const given = secret(value.secret, `${where}.secret`, env, problems);
  let clientSecret: string | undefined;
  if (given) {
    try {
      clientSecret = checkClientSecret(given);
    } catch (error) {
      if (!(error instanceof AccountInputError)) throw error;
      problems.push(`${where}.secret: ${error.message}`);
    }
  }
  return clientId && clientSecret ? { kind: 'clientSecret', clientId, clientSecret } : undefined;
}

/** Parses and checks a config document; throws ConfigFileError listing every problem. */
export function parseAccountsConfig(
  text: string,
  source: string,
  options: ConfigFileOptions = {},
): AccountConfig[] {
  const { env = process.env } = options;
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    // The parser's message quotes the offending line, which may hold a secret: keep only where.
    const where = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new ConfigFileError(source, [
      `not valid YAML or JSON${where ? ` (line ${where.line}, column ${where.col})` : ''}`,
    ]);
  }
  const problems: string[] = [];
  const accounts = readAccounts(doc, env, problems);
  if (problems.length > 0) throw new ConfigFileError(source, problems);
  return accounts;
}

export async function loadAccountsConfig(
  path: string,
  options: ConfigFileOptions = {},
): Promise<AccountConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigFileError(path, [
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    ]);
  }
  return parseAccountsConfig(text, path, options);
}
