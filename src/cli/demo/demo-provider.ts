/** What each provider's demo start-up hands back: its accounts and its running sandbox. */
import type { AccountConfig } from '../../providers/registry.js';

export interface DemoSandbox {
  /** The provider as people name it: `Google Workspace`. */
  readonly label: string;
  /** Where its sandbox listens. */
  readonly url: string;
  readonly accounts: readonly AccountConfig[];
  close(): Promise<void>;
}
