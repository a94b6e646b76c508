/** The Gusto emulator alone: the API base, the company uuid, the OAuth client and fresh tokens. */
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createGustoSandbox, DEFAULT_GUSTO_OAUTH_CLIENT } from '../../sandbox/gusto/index.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';

export async function startGusto(
  company: SyntheticCompany,
  listen: SandboxListen,
): Promise<StartedSandbox> {
  const sandbox = createGustoSandbox({ company });
  const server = await sandbox.listen(listen);
  const tokens = sandbox.issueTokens();
  const client = DEFAULT_GUSTO_OAUTH_CLIENT;
  return {
    lines: [
      `Gusto sandbox for "${company.displayName}" (${company.people.length} people)`,
      `  API base         ${server.url}/v1/companies/${sandbox.companyUuid}/employees`,
      `  OAuth            ${server.url}/oauth/authorize and /oauth/token`,
      `  OAuth client     ${client.clientId} / ${client.clientSecret}`,
      `  redirect URIs    ${client.redirectUris.join(', ')}`,
      `  access token     ${tokens.accessToken}   (2 hours; refresh token ${tokens.refreshToken}, single use)`,
    ],
    close: () => server.close(),
  };
}
