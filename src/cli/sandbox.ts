/**
 * `hrgraph sandbox`: serve the BambooHR emulator alone and print how to reach it. The API key and
 * client secret printed are the sandbox's own, valid only against it.
 */
import {
  type BambooHrSandbox,
  createBambooHrSandbox,
  type RunningSandbox,
} from '../sandbox/index.js';

export interface RunSandboxOptions {
  /** @default 4010 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** People in the company, 10 to 100,000. @default 200 */
  size?: number;
  /** @default 42 */
  seed?: number;
  /** Number of custom fields, 0 to 1,000. @default 150 */
  customFields?: number;
  /** Company domain. @default 'acme' */
  domain?: string;
  /** Where the banner goes. @default process.stdout */
  write?: (text: string) => void;
  /** Stop on SIGINT/SIGTERM. @default true */
  handleSignals?: boolean;
}

export interface SandboxHandle {
  readonly sandbox: BambooHrSandbox;
  readonly server: RunningSandbox;
  stop(): Promise<void>;
  /** Settles once the server has stopped (by `stop()` or a signal). */
  readonly stopped: Promise<void>;
}

export async function runSandbox(options: RunSandboxOptions = {}): Promise<SandboxHandle> {
  const {
    port = 4010,
    host = '127.0.0.1',
    size,
    seed,
    customFields,
    domain,
    write = (text: string) => process.stdout.write(text),
    handleSignals = true,
  } = options;
  const sandbox = createBambooHrSandbox({
    companies: [{ size, seed, customFieldCount: customFields, domain }],
  });
  const server = await sandbox.listen({ port, host });
  write(banner(sandbox, server));

  let stopping: Promise<void> | undefined;
  let settle: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    settle = resolve;
  });
  function stop(): Promise<void> {
    stopping ??= server.close().finally(function afterClose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      settle();
    });
    return stopping;
  }
  function onSignal(): void {
    write('\nStopping the sandbox…\n');
    void stop();
  }
  if (handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { sandbox, server, stop, stopped };
}

function banner(sandbox: BambooHrSandbox, server: RunningSandbox): string {
  const company = sandbox.company;
  const client = sandbox.oauthClients[0];
  const lines = [
    `BambooHR sandbox for "${company.data.displayName}" (${company.data.people.length} people)`,
    `  company domain   ${company.domain}`,
    `  gateway form     ${server.gatewayUrl()}/v1/...`,
    `  host form        ${server.hostUrl()}/v1/...`,
    `  OAuth            ${server.hostUrl().replace(/\/api$/, '')}/authorize.php and /token.php`,
    `  API key (emp 1)  ${sandbox.apiKeyFor()}   (Basic auth: the key as user name, any password)`,
  ];
  if (client) {
    lines.push(`  OAuth client     ${client.clientId} / ${client.clientSecret}`);
    lines.push(`  redirect URIs    ${client.redirectUris.join(', ')}`);
  }
  lines.push('Press Ctrl+C to stop.', '');
  return lines.join('\n');
}
