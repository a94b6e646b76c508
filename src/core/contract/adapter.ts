/**
 * The provider contract's entry point: one adapter per connected account, created at start-up.
 * The loaders and the schema speak only this; a provider's knowledge (URLs, auth, field names,
 * pagination, mapping) stays in its own folder behind it.
 */
import type { AccountId, ProviderName } from '../ids.js';
import type { AuthKind } from './auth.js';
import type { CallContext } from './call-context.js';
import type { Capabilities } from './capabilities.js';
import type { ProviderSession } from './session.js';

export interface ProviderAdapter {
  readonly provider: ProviderName;
  readonly accountId: AccountId;
  readonly authKind: AuthKind;
  readonly capabilities: Capabilities;
  session(ctx: CallContext): ProviderSession;
}
