/** The HiBob sandbox and `acme-hibob`, an account with the sandbox's service user. */
import { accountId, providerName } from '../../core/ids.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createHibobSandbox } from '../../sandbox/hibob/index.js';
import type { DemoSandbox } from '../entries.js';

export async function startHibobDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createHibobSandbox({ company });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const user = sandbox.serviceUsers[0]!;
  return {
    label: 'HiBob',
    url: running.url,
    accounts: [
      {
        id: accountId('acme-hibob'),
        provider: providerName('hibob'),
        company: company.displayName,
        baseUrl: `${running.url}/v1`,
        credentials: { kind: 'clientSecret', clientId: user.id, clientSecret: user.token },
      },
    ],
    close: () => running.close(),
  };
}
