/** The Personio emulator alone: the API base and its API credential (a client id and secret). */
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createPersonioSandbox } from '../../sandbox/personio/index.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';

export async function startPersonio(
  company: SyntheticCompany,
  listen: SandboxListen,
): Promise<StartedSandbox> {
  const sandbox = createPersonioSandbox({ company });
  const server = await sandbox.listen(listen);
  const [credential] = sandbox.credentials;
  return {
    lines: [
      `Personio sandbox for "${company.displayName}" (${company.people.length} people)`,
      `  API base         ${server.url}   (GET /v1/company/employees, /v2/persons, …)`,
      `  tokens           POST ${server.url}/v1/auth and ${server.url}/v2/auth/token`,
      `  API credential   client id ${credential!.clientId} / secret ${credential!.clientSecret}`,
    ],
    close: () => server.close(),
  };
}
