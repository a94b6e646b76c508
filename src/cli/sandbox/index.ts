/**
 * `hrgraph sandbox`: serve one provider's emulator alone and print how to reach it. Every key,
 * token and client secret printed is the sandbox's own, valid only against it.
 */
import type { StartedSandbox } from '../../providers/entries.js';
import { isProviderName, providerDefinition, providerNames } from '../../providers/registry.js';
import { createSandboxFiles } from '../../providers/sandbox-file.js';
import { createCompany } from '../../sandbox/company/index.js';
import type { SandboxProvider } from '../commands/sandbox.js';
import { listenError } from '../listen-error.js';

export type { SandboxProvider } from '../commands/sandbox.js';

export interface RunSandboxOptions {
  /** Which provider's API to emulate (a registered provider's name). @default the registry's first */
  provider?: SandboxProvider;
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
  /** The banner's lines, as printed. */
  readonly lines: readonly string[];
  stop(): Promise<void>;
  /** Settles once the server has stopped (by `stop()` or a signal). */
  readonly stopped: Promise<void>;
}

export async function runSandbox(options: RunSandboxOptions = {}): Promise<SandboxHandle> {
  const {
    provider = providerNames[0]!,
    port = 4010,
    host = '127.0.0.1',
    size,
    seed,
    customFields,
    domain,
    write = (text: string) => process.stdout.write(text),
    handleSignals = true,
  } = options;
  if (!isProviderName(provider)) {
    throw new Error(`No provider is named ${provider}; one of: ${providerNames.join(', ')}`);
  }
  const start = await providerDefinition(provider).sandbox();
  const company = createCompany({ size, seed, customFieldCount: customFields, domain });
  const files = createSandboxFiles();
  // Whatever ends the process (an error, process.exit) still takes the key folder with it.
  const removeFiles = () => files.remove();
  process.once('exit', removeFiles);
  let started: StartedSandbox;
  try {
    started = await start(company, { port, host }, files);
  } catch (error) {
    process.off('exit', removeFiles);
    files.remove();
    throw listenError(error, { port, host, command: 'hrgraph sandbox', npmScript: 'sandbox' });
  }

  let stopping: Promise<void> | undefined;
  let settle: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    settle = resolve;
  });
  function stop(): Promise<void> {
    stopping ??= started.close().finally(function afterClose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      process.off('exit', removeFiles);
      files.remove();
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
    // A closed terminal ends the run like Ctrl+C does, key folder included.
    process.once('SIGHUP', onSignal);
  }
  // Only now: whoever reads the banner may press Ctrl+C at once.
  write([...started.lines, 'Press Ctrl+C to stop.', ''].join('\n'));
  return { lines: started.lines, stop, stopped };
}
