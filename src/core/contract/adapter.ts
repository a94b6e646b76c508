/**
 * The provider contract's entry point: one adapter per connected account, created at start-up. A
 * provider is a description plus executors: its catalog says what it can read and how, and runs
 * one planned call at a time; the loaders alone plan, execute, check and store. A provider's
 * knowledge (URLs, auth, field names, pagination, mapping) stays in its own folder behind this.
 */
import type { AccountId, ProviderName } from '../ids.js';
import type { Company } from '../model.js';
import type { AuthKind } from './auth.js';
import type { CallContext } from './call-context.js';
import type { Capabilities } from './capabilities.js';
import type { ProviderChanges } from './changes.js';
import type { EmployeeCatalog } from './employee-catalog.js';
import type { LookupCatalog } from './lookups.js';

export interface ProviderAdapter {
  readonly provider: ProviderName;
  readonly accountId: AccountId;
  readonly authKind: AuthKind;
  /** What the account can supply at all; derived from the catalog (see providers/capabilities.ts). */
  readonly capabilities: Capabilities;
  readonly employees: EmployeeCatalog;
  readonly lookups: LookupCatalog;
  /** Change events (push, pull or both); absent when the provider offers none hrgraph reads. */
  readonly changes?: ProviderChanges;
  company(ctx: CallContext): Promise<Company>;
}
