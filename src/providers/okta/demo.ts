/**
 * The Okta sandbox and `acme-okta`, an account with the org's SSWS API token, the way most Okta
 * integrations start.
 */
import { accountId, providerName } from '../../core/ids.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createOktaSandbox } from '../../sandbox/okta/index.js';
import type { DemoSandbox } from '../entries.js';

export async function startOktaDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createOktaSandbox({ company });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  return {
    label: 'Okta',
    url: running.url,
    accounts: [
      {
        id: accountId('acme-okta'),
        provider: providerName('okta'),
        company: `${company.domain}.okta.com`,
        baseUrl: running.url,
        credentials: { kind: 'apiKey', apiKey: sandbox.apiToken() },
      },
    ],
    close: () => running.close(),
  };
}
