/**
 * The Google Workspace sandbox and `acme-google`, an account with a service-account key (its
 * token_uri on the sandbox) acting for the domain's admin through domain-wide delegation.
 */
import { accountId, providerName } from '../../core/ids.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createGoogleWorkspaceSandbox } from '../../sandbox/google-workspace/index.js';
import type { DemoSandbox } from '../entries.js';

export async function startGoogleWorkspaceDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createGoogleWorkspaceSandbox({ company });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const keyFile = sandbox.serviceAccountKey(running.url);
  return {
    label: 'Google Workspace',
    url: running.url,
    accounts: [
      {
        id: accountId('acme-google'),
        provider: providerName('google-workspace'),
        company: 'my_customer',
        baseUrl: running.url,
        // The key file's fields, as the account layer reads a Google key file.
        credentials: {
          kind: 'serviceAccount',
          key: {
            clientId: keyFile.client_email,
            privateKey: keyFile.private_key,
            keyId: keyFile.private_key_id,
            subject: sandbox.adminEmail,
            tokenUrl: keyFile.token_uri,
          },
        },
      },
    ],
    close: () => running.close(),
  };
}
