/**
 * Each provider of the registry as a new user meets it through the CLI: its sandbox on an
 * ephemeral loopback port, and the `hrgraph accounts add` arguments (and secret-bearing
 * environment) that connect an account of each auth kind to it. Keyed by provider name; a provider
 * added to the registry fails the CLI tests (in-process.ts) until it says here how its sandbox is
 * reached.
 */

import type { AuthKind } from '../../../src/core/contract/index.js';
import {
  createBambooHrSandbox,
  DEFAULT_OAUTH_CLIENT,
} from '../../../src/sandbox/bamboohr/index.js';
import type { SyntheticCompany } from '../../../src/sandbox/company/types.js';
import { createGoogleWorkspaceSandbox } from '../../../src/sandbox/google-workspace/index.js';
import {
  createGustoSandbox,
  DEFAULT_GUSTO_OAUTH_CLIENT,
} from '../../../src/sandbox/gusto/index.js';
import { createHibobSandbox } from '../../../src/sandbox/hibob/index.js';
import { createEntraSandbox } from '../../../src/sandbox/microsoft-entra-id/index.js';
import { createOktaSandbox } from '../../../src/sandbox/okta/index.js';
import { createPersonioSandbox } from '../../../src/sandbox/personio/index.js';

/**
 * The origin hrgraph tells OAuth providers to send the browser back to (HRGRAPH_PUBLIC_URL): the
 * redirect URI both sandboxes' default OAuth clients have registered.
 */
export const PUBLIC_URL = 'http://localhost:4000';

export interface AccountKindSetup {
  /** What follows `hrgraph accounts add <id>`: company, base URL and how it authenticates. */
  readonly args: readonly string[];
  /** The environment the command reads the secret from. */
  readonly env: Readonly<Record<string, string>>;
}

export interface ProviderSandbox {
  readonly kinds: Partial<Record<AuthKind, AccountKindSetup>>;
  /** hrgraph's OAuth application registered with the sandbox, for providers connected by OAuth. */
  readonly oauthApp?: { readonly clientId: string; readonly clientSecret: string };
  close(): Promise<void>;
}

type Start = (company: SyntheticCompany) => Promise<ProviderSandbox>;

const loopback = { host: '127.0.0.1', port: 0 };

export const providerSandboxes: Readonly<Record<string, Start>> = {
  async bamboohr(company) {
    const sandbox = createBambooHrSandbox({ companies: [company] });
    const running = await sandbox.listen(loopback);
    const domain = sandbox.company.domain;
    const target = [
      '--company',
      domain,
      '--base-url',
      `http://${domain}.localhost:${running.port}`,
    ];
    return {
      kinds: {
        apiKey: {
          args: [...target, '--api-key-env', 'KEY'],
          env: { KEY: sandbox.apiKeyFor(domain) },
        },
        oauth: { args: [...target, '--oauth'], env: {} },
      },
      oauthApp: DEFAULT_OAUTH_CLIENT,
      close: () => running.close(),
    };
  },

  async okta(company) {
    const sandbox = createOktaSandbox({ company });
    const running = await sandbox.listen(loopback);
    const app = sandbox.serviceApp();
    const target = ['--company', `${company.domain}.okta.com`, '--base-url', running.url];
    const key = { clientId: app.clientId, privateKey: app.privateKeyPem, keyId: app.keyId };
    return {
      kinds: {
        apiKey: { args: [...target, '--api-key-env', 'KEY'], env: { KEY: sandbox.apiToken() } },
        serviceAccount: {
          args: [...target, '--key-env', 'KEY'],
          env: { KEY: JSON.stringify(key) },
        },
      },
      close: () => running.close(),
    };
  },

  async 'google-workspace'(company) {
    const sandbox = createGoogleWorkspaceSandbox({ company });
    const running = await sandbox.listen(loopback);
    return {
      kinds: {
        serviceAccount: {
          // The exact command of issue 12: a key file in a variable, the admin as subject.
          args: [
            '--company',
            'my_customer',
            '--base-url',
            running.url,
            '--key-env',
            'KEY',
            '--subject',
            sandbox.adminEmail,
          ],
          env: { KEY: JSON.stringify(sandbox.serviceAccountKey(running.url)) },
        },
      },
      close: () => running.close(),
    };
  },

  async 'microsoft-entra-id'(company) {
    const sandbox = createEntraSandbox({ company });
    const running = await sandbox.listen(loopback);
    const app = sandbox.registeredApp();
    const key = { clientId: app.clientId, privateKey: app.privateKeyPem, keyId: app.thumbprint };
    const target = ['--company', sandbox.tenantId, '--base-url', running.url];
    return {
      kinds: {
        serviceAccount: {
          args: [...target, '--key-env', 'KEY'],
          env: { KEY: JSON.stringify(key) },
        },
        clientSecret: {
          args: [...target, '--client-id', app.clientId, '--client-secret-env', 'SECRET'],
          env: { SECRET: app.clientSecret },
        },
      },
      close: () => running.close(),
    };
  },

  async gusto(company) {
    const sandbox = createGustoSandbox({ company });
    const running = await sandbox.listen(loopback);
    return {
      kinds: {
        oauth: {
          args: ['--company', sandbox.companyUuid, '--base-url', running.url, '--oauth'],
          env: {},
        },
      },
      oauthApp: DEFAULT_GUSTO_OAUTH_CLIENT,
      close: () => running.close(),
    };
  },

  async hibob(company) {
    const sandbox = createHibobSandbox({ company });
    const running = await sandbox.listen(loopback);
    const user = sandbox.serviceUsers[0]!;
    const target = ['--company', company.displayName, '--base-url', `${running.url}/v1`];
    return {
      kinds: {
        clientSecret: {
          args: [...target, '--client-id', user.id, '--client-secret-env', 'KEY'],
          env: { KEY: user.token },
        },
      },
      close: () => running.close(),
    };
  },

  async personio(company) {
    const sandbox = createPersonioSandbox({ company });
    const running = await sandbox.listen(loopback);
    const [credential] = sandbox.credentials;
    return {
      kinds: {
        clientSecret: {
          args: [
            '--company',
            company.domain,
            '--base-url',
            running.url,
            '--client-id',
            credential!.clientId,
            '--client-secret-env',
            'SECRET',
          ],
          env: { SECRET: credential!.clientSecret },
        },
      },
      close: () => running.close(),
    };
  },
};
