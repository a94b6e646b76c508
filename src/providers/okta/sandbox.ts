/** The Okta emulator alone: the org URL, an SSWS token, and a service app for private_key_jwt. */
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createOktaSandbox } from '../../sandbox/okta/index.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';
import type { SandboxFiles } from '../sandbox-file.js';

export async function startOkta(
  company: SyntheticCompany,
  listen: SandboxListen,
  files: SandboxFiles,
): Promise<StartedSandbox> {
  const sandbox = createOktaSandbox({ company });
  const server = await sandbox.listen(listen);
  const app = sandbox.serviceApp();
  const keyFile = files.write('okta-service-app.pem', app.privateKeyPem);
  return {
    lines: [
      `Okta sandbox for "${company.displayName}" (${company.people.length} people)`,
      `  org URL          ${server.url}   (GET /api/v1/users, /api/v1/groups, …)`,
      `  API token        Authorization: SSWS ${sandbox.apiToken()}`,
      `  service app      client ${app.clientId}, key id ${app.keyId}`,
      `                   private key ${keyFile}; token URL ${server.url}/oauth2/v1/token`,
    ],
    close: () => server.close(),
  };
}
