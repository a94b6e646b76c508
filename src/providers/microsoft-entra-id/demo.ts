/**
 * The Entra ID sandbox and `acme-entra`, an account signing in as the tenant's app with its
 * certificate, for `serve --demo`.
 */
import { accountId, providerName } from '../../core/ids.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createEntraSandbox } from '../../sandbox/microsoft-entra-id/index.js';
import type { DemoSandbox } from '../entries.js';

export async function startEntraDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createEntraSandbox({ company });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const app = sandbox.registeredApp();
  return {
    label: 'Microsoft Entra ID',
    url: running.url,
    accounts: [
      {
        id: accountId('acme-entra'),
        provider: providerName('microsoft-entra-id'),
        company: sandbox.tenantId,
        baseUrl: running.url,
        credentials: {
          kind: 'serviceAccount',
          key: {
            clientId: app.clientId,
            privateKey: app.privateKeyPem,
            keyId: app.thumbprint,
            subject: null,
            tokenUrl: null,
          },
        },
      },
    ],
    close: () => running.close(),
  };
}
