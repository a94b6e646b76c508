/** The BambooHR emulator alone: both URL forms, an API key, the OAuth client and a token of it. */

import { createBambooHrSandbox } from '../../sandbox/bamboohr/index.js';
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';

export async function startBambooHr(
  company: SyntheticCompany,
  listen: SandboxListen,
): Promise<StartedSandbox> {
  const sandbox = createBambooHrSandbox({ companies: [company] });
  const server = await sandbox.listen(listen);
  const client = sandbox.oauthClients[0];
  const lines = [
    `BambooHR sandbox for "${company.displayName}" (${company.people.length} people)`,
    `  company domain   ${sandbox.company.domain}`,
    `  gateway form     ${server.gatewayUrl()}/v1/...`,
    `  host form        ${server.hostUrl()}/v1/...`,
    `  OAuth            ${server.hostUrl().replace(/\/api$/, '')}/authorize.php and /token.php`,
    `  API key (emp 1)  ${sandbox.apiKeyFor()}   (Basic auth: the key as user name, any password)`,
  ];
  if (client) {
    lines.push(`  OAuth client     ${client.clientId} / ${client.clientSecret}`);
    lines.push(`  redirect URIs    ${client.redirectUris.join(', ')}`);
    // What the client's flow would hand out, ready for an accounts file (as Gusto's sandbox does).
    const tokens = sandbox.issueAccessToken();
    lines.push(`  OAuth token      ${tokens.accessToken}   (1 hour, every read scope)`);
  }
  return { lines, close: () => server.close() };
}
