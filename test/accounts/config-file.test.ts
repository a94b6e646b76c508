import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ConfigFileError,
  loadAccountsConfig,
  parseAccountsConfig,
} from '../../src/accounts/config-file.js';
import { providerNames } from '../../src/providers/registry.js';

const env = { ACME_KEY: 'key-from-env', GLOBEX_TOKEN: 'token-from-env' };

function problemsOf(text: string, environment: Record<string, string> = env): readonly string[] {
  try {
    parseAccountsConfig(text, 'hrgraph.yaml', { env: environment });
  } catch (error) {
    if (error instanceof ConfigFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('accounts file', () => {
  test('YAML with an API-key and an OAuth account, secrets from the environment', async () => {
    const accounts = parseAccountsConfig(
      `accounts:
  - id: acme
    provider: bamboohr
    company: acme
    baseUrl: http://acme.localhost:4010/
    auth: { apiKey: { env: ACME_KEY } }
  - id: globex
    provider: bamboohr
    company: globex
    auth:
      oauth:
        accessToken: { env: GLOBEX_TOKEN }
`,
      'hrgraph.yaml',
      { env },
    );
    expect(accounts[0]).toEqual({
      id: 'acme',
      provider: 'bamboohr',
      company: 'acme',
      baseUrl: 'http://acme.localhost:4010',
      credentials: { kind: 'apiKey', apiKey: 'key-from-env' },
    });
    expect(accounts[1]?.credentials.kind).toBe('oauth');
    const oauth = accounts[1]?.credentials;
    expect(oauth?.kind === 'oauth' && (await oauth.accessToken())).toBe('token-from-env');
  });

  test('JSON works too', () => {
    const json = JSON.stringify({
      accounts: [
        {
          id: 'acme',
          provider: 'bamboohr',
          company: 'acme',
          auth: { apiKey: { env: 'ACME_KEY' } },
        },
      ],
    });
    expect(parseAccountsConfig(json, 'hrgraph.json', { env })).toHaveLength(1);
  });

  test('a literal secret in the file is an error, and the secret is not echoed', () => {
    const problems = problemsOf(
      'accounts: [{ id: acme, provider: bamboohr, company: acme, auth: { apiKey: "s3cr3t-literal" } }]',
    );
    expect(problems).toEqual([
      'accounts[0].auth.apiKey: secrets are read from environment variables only; write `{ env: VARIABLE_NAME }`',
    ]);
    expect(problems.join('\n')).not.toContain('s3cr3t');
  });

  test('an unset variable is named; its would-be value is not', () => {
    expect(
      problemsOf(
        'accounts: [{ id: acme, provider: bamboohr, company: acme, auth: { apiKey: { env: MISSING_KEY } } }]',
      ),
    ).toEqual(['accounts[0].auth.apiKey: environment variable MISSING_KEY is not set']);
  });

  test('every problem is reported at once, by path', () => {
    const problems = problemsOf(`accounts:
  - id: Acme!
    provider: workday
    company: acme
    auth: { apiKey: { env: ACME_KEY }, oauth: {} }
    secret: x
  - id: ok
    provider: bamboohr
    company: ok
    baseUrl: ftp://nope
    auth: { apiKey: { env: ACME_KEY } }
`);
    expect(problems).toEqual([
      'accounts[0]: unknown key `secret`',
      "accounts[0].id: 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit",
      `accounts[0].provider: one of ${providerNames.join(', ')}`,
      'accounts[0].auth: exactly one of `apiKey: { env: … }`, `oauth: { accessToken: { env: … } }`, `serviceAccount: { key: { env: … }, subject: … }` or `clientSecret: { clientId: …, secret: { env: … } }`',
      'accounts[1].baseUrl: an http(s) URL',
    ]);
  });

  test('duplicate ids, no accounts and broken YAML are errors', () => {
    const twice =
      'accounts: [{ id: a, provider: bamboohr, company: a, auth: { apiKey: { env: ACME_KEY } } }, { id: a, provider: bamboohr, company: b, auth: { apiKey: { env: ACME_KEY } } }]';
    expect(problemsOf(twice)).toEqual(['accounts[1].id: "a" is used twice']);
    expect(problemsOf('accounts: []')).toEqual(['expected `accounts:` with at least one account']);
    const broken = problemsOf('accounts: [ { id: "unterminated');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^not valid YAML or JSON/);
    expect(broken[0]).not.toContain('unterminated');
  });

  test('a missing file is a ConfigFileError naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hrgraph-config-'));
    await expect(loadAccountsConfig(join(dir, 'nope.yaml'))).rejects.toThrow(
      /nope\.yaml: 1 problem/,
    );
    const path = join(dir, 'ok.yaml');
    await writeFile(
      path,
      'accounts: [{ id: acme, provider: bamboohr, company: acme, auth: { apiKey: { env: ACME_KEY } } }]',
    );
    expect(await loadAccountsConfig(path, { env })).toHaveLength(1);
  });
});
