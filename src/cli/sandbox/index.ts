/**
 * `hrgraph sandbox`: serve one provider's emulator alone and print how to reach it. Every key,
 * token and client secret printed is the sandbox's own, valid only against it.
 */

import type { StartedSandbox } from '../../providers/entries.js';
import { isProviderName, providerDefinition, providerNames } from '../../providers/registry.js';
import { createCompany } from '../../sandbox/company/index.js';

/** A provider's name, as `--provider` takes it. */
export type SandboxProvider = string;
/** Every registered provider has a sandbox. */
export const sandboxProviders: readonly string[] = providerNames;

export interface RunSandboxOptions {
  /** Which provider's API to emulate. @default the registry's first */
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
  const company = createCompany({ size, seed, customFieldCount: customFields, domain });
  if (!isProviderName(provider)) {
    throw new Error(`No provider is named ${provider}; one of: ${providerNames.join(', ')}`);
  }
  const start = await providerDefinition(provider).sandbox();
  const started: StartedSandbox = await start(company, { port, host });
  write([...started.lines, 'Press Ctrl+C to stop.', ''].join('\n'));

  let stopping: Promise<void> | undefined;
  let settle: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    settle = resolve;
  });
  function stop(): Promise<void> {
    stopping ??= started.close().finally(function afterClose() {
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
  return { lines: started.lines, stop, stopped };
}
