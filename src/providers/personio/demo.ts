/** The Personio sandbox and `acme-personio`, an account with the company's API credential. */
import { accountId, providerName } from '../../core/ids.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createPersonioSandbox } from '../../sandbox/personio/index.js';
import type { DemoSandbox } from '../entries.js';

export async function startPersonioDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createPersonioSandbox({ company });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const [credential] = sandbox.credentials;
  return {
    label: 'Personio',
    url: running.url,
    accounts: [
      {
        id: accountId('acme-personio'),
        provider: providerName('personio'),
        company: company.domain,
        baseUrl: running.url,
        credentials: {
          kind: 'clientSecret',
          clientId: credential!.clientId,
          clientSecret: credential!.clientSecret,
        },
      },
    ],
    close: () => running.close(),
  };
}
