/** The Entra ID emulator alone: the Graph root, the tenant, and the app's secret and certificate key. */
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createEntraSandbox } from '../../sandbox/microsoft-entra-id/index.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';
import type { SandboxFiles } from '../sandbox-file.js';

export async function startEntra(
  company: SyntheticCompany,
  listen: SandboxListen,
  files: SandboxFiles,
): Promise<StartedSandbox> {
  const sandbox = createEntraSandbox({ company });
  const server = await sandbox.listen(listen);
  const app = sandbox.registeredApp();
  const keyFile = files.write('entra-app-certificate.pem', app.privateKeyPem);
  return {
    lines: [
      `Microsoft Entra ID sandbox for "${company.displayName}" (${company.people.length} people)`,
      `  Graph root       ${server.url}/v1.0   (GET /users, /groups, /organization, POST /$batch)`,
      `  tenant           ${sandbox.tenantId} (or ${sandbox.directory.domains.join(', ')})`,
      `  token URL        ${server.url}/${sandbox.tenantId}/oauth2/v2.0/token`,
      `  app              client ${app.clientId}, secret ${app.clientSecret}`,
      `  certificate      key ${keyFile}; x5t#S256 ${app.thumbprint}`,
    ],
    close: () => server.close(),
  };
}
