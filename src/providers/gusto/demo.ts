/**
 * The Gusto sandbox and `acme-gusto`, an OAuth account: its first tokens come from the sandbox
 * (standing in for the browser's consent), and every refresh goes through hrgraph's own Gusto
 * token endpoint, spending the single-use refresh token exactly once.
 */

import { accountId, providerName } from '../../core/ids.js';
import { createHttpClient } from '../../http/index.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createGustoSandbox, DEFAULT_GUSTO_OAUTH_CLIENT } from '../../sandbox/gusto/index.js';
import type { DemoSandbox } from '../entries.js';
import { keepFresh } from '../fresh-token.js';
import { gustoOAuth } from './oauth.js';

/** Gusto's access tokens live two hours. */
const ACCESS_TOKEN_LIFETIME_MS = 7_200_000;

export async function startGustoDemo(company: SyntheticCompany): Promise<DemoSandbox> {
  const sandbox = createGustoSandbox({ company });
  const running = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const id = accountId('acme-gusto');
  const http = createHttpClient();
  const endpoint = gustoOAuth.tokenEndpoint(
    { company: sandbox.companyUuid, baseUrl: running.url },
    { http, app: DEFAULT_GUSTO_OAUTH_CLIENT, accountId: id },
  );
  const first = sandbox.issueTokens();
  const accessToken = keepFresh(
    { ...first, expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_MS },
    async (tokens) => {
      if (!tokens.refreshToken) throw new Error('the demo Gusto account lost its refresh token');
      return endpoint.refresh({ ...tokens, refreshToken: tokens.refreshToken, scopes: [] });
    },
  );
  return {
    label: 'Gusto',
    url: running.url,
    accounts: [
      {
        id,
        provider: providerName('gusto'),
        company: sandbox.companyUuid,
        baseUrl: running.url,
        credentials: { kind: 'oauth', accessToken },
      },
    ],
    async close() {
      await running.close();
      await http.close();
    },
  };
}
