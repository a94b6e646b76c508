/**
 * What a provider module tells the rest of hrgraph about itself: how to build an adapter for an
 * account, which ways an account may authenticate, (for providers connected through a browser)
 * its OAuth flow, how its failures read, and its sandbox and demo accounts. Each provider's folder
 * exports one of these; the registry lists them, and nothing outside the folder names the
 * provider.
 */

import type { AuthKind, ProviderAdapter } from '../core/contract/index.js';
import type { ProviderName } from '../core/ids.js';
import type { AccountConfig, AdapterDeps } from './account-config.js';
import type { OAuthFlow } from './auth/oauth.js';
import type { DemoEntry, SandboxEntry } from './entries.js';
import type { FailureWording } from './failures.js';

export type { AccountConfig, AdapterDeps } from './account-config.js';

export interface ProviderDefinition {
  /** How configurations, the CLI and the store name it: `google-workspace`. */
  readonly name: ProviderName;
  /** The provider's name as people write it: `Google Workspace`. */
  readonly label: string;
  /** Its value of the GraphQL `Provider` enum: `GOOGLE_WORKSPACE`. */
  readonly enumValue: string;
  /** What `company` holds for this provider, for help texts and errors. */
  readonly companyMeaning: string;
  /** The ways an account of this provider may authenticate. */
  readonly authKinds: readonly AuthKind[];
  /** Present when accounts connect through the provider's authorization-code flow. */
  readonly oauth?: OAuthFlow;
  /** How its failures read: lockouts, refused keys (the account layer's evidence). */
  readonly failures: FailureWording;
  createAdapter(config: AccountConfig, deps: AdapterDeps): ProviderAdapter;
  /** Its emulator alone, for `hrgraph sandbox --provider <name>` (loaded on demand). */
  readonly sandbox: () => Promise<SandboxEntry>;
  /** Its demo account(s) over an in-process emulator, for `serve --demo` (loaded on demand). */
  readonly demo: () => Promise<DemoEntry>;
}
