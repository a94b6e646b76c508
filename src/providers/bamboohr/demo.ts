/**
 * The BambooHR sandbox and two accounts on its company: `acme` with the sandbox's API key (pages
 * through the employee dataset) and `acme-oauth` with a token from its OAuth flow (pages through
 * GET /v1/employees).
 */
import { accountId, providerName } from '../../core/ids.js';
import { createBambooHrSandbox } from '../../sandbox/bamboohr/index.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import type { DemoSandbox } from '../entries.js';
import { sandboxAccessToken } from './demo-token.js';

export async function startBambooHrDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createBambooHrSandbox({ companies: [company] });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const domain = sandbox.company.domain;
  // The sandbox serves company hosts as `{company}.localhost:PORT`, standing in for
  // `{company}.bamboohr.com`; the http client resolves *.localhost to loopback itself.
  const baseUrl = `http://${domain}.localhost:${running.port}`;
  const accessToken = await sandboxAccessToken(sandbox, baseUrl);
  return {
    label: 'BambooHR',
    url: baseUrl,
    accounts: [
      {
        id: accountId('acme'),
        provider: providerName('bamboohr'),
        company: domain,
        baseUrl,
        credentials: { kind: 'apiKey', apiKey: sandbox.apiKeyFor(domain) },
      },
      {
        id: accountId('acme-oauth'),
        provider: providerName('bamboohr'),
        company: domain,
        baseUrl,
        credentials: { kind: 'oauth', accessToken },
      },
    ],
    close: () => running.close(),
  };
}
