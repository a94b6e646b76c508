/**
 * Service-account keys as people hand them to hrgraph: Google's key file, or Okta's service-app
 * facts spelled plainly; through the accounts file, with every problem named and no value echoed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountInputError } from '../../src/accounts/account-input.js';
import { ConfigFileError, parseAccountsConfig } from '../../src/accounts/config-file.js';
import { readServiceAccountKey } from '../../src/accounts/service-account-key.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const googleKeyFile = JSON.stringify({
  type: 'service_account',
  project_id: 'acme-hr',
  private_key_id: 'k-123',
  private_key: pem,
  client_email: 'hrgraph@acme-hr.iam.gserviceaccount.com',
  client_id: '1234567890',
  token_uri: 'https://oauth2.googleapis.com/token',
});

describe('readServiceAccountKey', () => {
  it("reads Google's key file, with the admin it acts for", () => {
    expect(readServiceAccountKey(googleKeyFile, 'admin@acme.example')).toEqual({
      clientId: 'hrgraph@acme-hr.iam.gserviceaccount.com',
      privateKey: pem,
      keyId: 'k-123',
      subject: 'admin@acme.example',
      tokenUrl: 'https://oauth2.googleapis.com/token',
    });
  });

  it("reads an Okta service app's key spelled plainly", () => {
    const key = readServiceAccountKey(
      JSON.stringify({ clientId: '0oa1', privateKey: pem, keyId: 'kid-1' }),
    );
    expect(key).toEqual({
      clientId: '0oa1',
      privateKey: pem,
      keyId: 'kid-1',
      subject: null,
      tokenUrl: null,
    });
  });

  it.each([
    ['not json', 'service-account key: not valid JSON'],
    ['[1]', 'service-account key: expected a JSON object'],
    [JSON.stringify({ privateKey: pem }), 'service-account key: clientId is missing'],
    [
      JSON.stringify({ clientId: 'c', privateKey: 'SECRET-not-a-pem' }),
      'service-account key: privateKey is not a PEM private key',
    ],
    [
      JSON.stringify({
        type: 'service_account',
        client_email: 'x@y',
        private_key: pem,
        token_uri: 'ftp://x',
      }),
      'service-account key: the token URL is not an http(s) URL',
    ],
  ])('refuses %#, naming the field and never the value', (json, message) => {
    const error = (() => {
      try {
        readServiceAccountKey(json);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AccountInputError);
    expect((error as Error).message).toBe(message);
    expect((error as Error).message).not.toContain('SECRET');
  });
});

describe('accounts file: serviceAccount', () => {
  const yaml = `
accounts:
  - id: acme-google
    provider: google-workspace
    company: my_customer
    auth:
      serviceAccount:
        key: { env: GOOGLE_KEY }
        subject: admin@acme.example
`;

  it('reads the key from the environment and the subject from the file', () => {
    const [account] = parseAccountsConfig(yaml, 'accounts.yaml', {
      env: { GOOGLE_KEY: googleKeyFile },
    });
    expect(account).toMatchObject({
      id: 'acme-google',
      provider: 'google-workspace',
      company: 'my_customer',
      credentials: {
        kind: 'serviceAccount',
        key: { clientId: 'hrgraph@acme-hr.iam.gserviceaccount.com', subject: 'admin@acme.example' },
      },
    });
  });

  it('a broken key is a problem at its path, with nothing of the key in it', () => {
    const broken = JSON.stringify({
      type: 'service_account',
      client_email: 'x@y',
      private_key: 'SECRET',
    });
    const error = (() => {
      try {
        parseAccountsConfig(yaml, 'accounts.yaml', { env: { GOOGLE_KEY: broken } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as ConfigFileError).problems).toEqual([
      'accounts[0].auth.serviceAccount.key: service-account key: private_key is not a PEM private key',
    ]);
    expect((error as Error).message).not.toContain('SECRET');
  });

  it('a provider that takes no service accounts refuses one when the account is built', async () => {
    const { createAdapter } = await import('../../src/providers/registry.js');
    const [account] = parseAccountsConfig(yaml.replace('google-workspace', 'bamboohr'), 'a.yaml', {
      env: { GOOGLE_KEY: googleKeyFile },
    });
    expect(() => createAdapter(account!, { http: {} as never })).toThrow(
      /BambooHR accounts authenticate with apiKey or oauth, not serviceAccount/,
    );
  });
});
