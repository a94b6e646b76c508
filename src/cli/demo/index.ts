/**
 * `hrgraph serve --demo` (what `npm start` runs): one synthetic company, projected by every
 * provider's sandbox in-process on free loopback ports, and accounts on each, so the same person
 * (same work email) answers from every provider. Production code never imports the sandboxes:
 * each provider's demo entry is loaded here, on demand, from the registry.
 */

import type { DemoSandbox } from '../../providers/entries.js';
import { type AccountConfig, providerDefinitions } from '../../providers/registry.js';
import { createCompany } from '../../sandbox/company/index.js';

export type { DemoSandbox } from '../../providers/entries.js';

export interface DemoOptions {
  /** People in the synthetic company. @default 200 */
  size?: number;
  /** @default 42 */
  seed?: number;
  /**
   * The company's "today" (YYYY-MM-DD): its hires, histories, time off and balances are laid out
   * around it. @default the current UTC day, so GraphiQL's "this month" tabs find people off
   */
  today?: string;
}

export interface Demo {
  /** The day the synthetic company is dated by. */
  readonly today: string;
  readonly accounts: readonly AccountConfig[];
  readonly sandboxes: readonly DemoSandbox[];
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const { size = 200, seed = 42, today = new Date().toISOString().slice(0, 10) } = options;
  const company = createCompany({ size, seed, today });
  const entries = await Promise.all(providerDefinitions.map((definition) => definition.demo()));
  const started = await Promise.allSettled(entries.map((start) => start(company)));
  const sandboxes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { today, accounts: sandboxes.flatMap((sandbox) => sandbox.accounts), sandboxes, stop };
}
