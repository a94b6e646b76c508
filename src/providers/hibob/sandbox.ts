/** The HiBob emulator alone: its base URL and a service user's id and token. */
import type { SyntheticCompany } from '../../sandbox/company/types.js';
import { createHibobSandbox } from '../../sandbox/hibob/index.js';
import type { SandboxListen, StartedSandbox } from '../entries.js';

export async function startHibob(
  company: SyntheticCompany,
  listen: SandboxListen,
): Promise<StartedSandbox> {
  const sandbox = createHibobSandbox({ company });
  const server = await sandbox.listen(listen);
  const user = sandbox.serviceUsers[0]!;
  return {
    lines: [
      `HiBob sandbox for "${company.displayName}" (${company.people.length} people)`,
      `  base URL         ${server.url}/v1   (POST /people/search, GET /bulk/people/work, …)`,
      `  service user     id ${user.id}, token ${user.token}   (HTTP Basic)`,
    ],
    close: () => server.close(),
  };
}
