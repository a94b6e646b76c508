/** The Google Workspace emulator alone: the API root and a service-account key file for it. */
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createGoogleWorkspaceSandbox } from '../../sandbox/google-workspace/index.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';
import type { SandboxFiles } from '../sandbox-file.js';

export async function startGoogleWorkspace(
  company: SyntheticCompany,
  listen: SandboxListen,
  files: SandboxFiles,
): Promise<StartedSandbox> {
  const sandbox = createGoogleWorkspaceSandbox({ company });
  const server = await sandbox.listen(listen);
  const key = sandbox.serviceAccountKey(server.url);
  const keyFile = files.write('google-service-account.json', JSON.stringify(key));
  return {
    lines: [
      `Google Workspace sandbox for "${company.displayName}" (${company.people.length} people)`,
      `  API root         ${server.url}/admin/directory/v1/users?customer=my_customer`,
      `  customer         ${sandbox.customerId} (domain ${sandbox.domain})`,
      `  service account  ${keyFile} (token_uri ${key.token_uri})`,
      `  impersonate      ${sandbox.adminEmail} (the JWT's sub)`,
    ],
    close: () => server.close(),
  };
}
