/** Which connected account a root field reads. */

import type { ProviderAdapter } from '../core/contract/index.js';
import { badInput } from '../core/errors.js';
import { isAccountId } from '../core/ids.js';
import type { HrContext } from './context.js';

/**
 * The account named by `account`, or the only one connected. An account the caller may not read
 * gets the same answer as one that does not exist.
 */
export function pickAccount(ctx: HrContext, account: string | number | null | undefined) {
  const visible = ctx.loaders.accounts();
  const choices = visible.map((adapter) => adapter.accountId);
  if (account != null) {
    const id = String(account);
    const adapter = isAccountId(id) ? ctx.loaders.account(id) : undefined;
    if (adapter) return adapter;
    throw badInput(
      `Unknown account${isAccountId(id) ? ` "${id}"` : ''}; connected accounts: ${choices.join(', ') || 'none'}.`,
      { argument: 'account', choices },
    );
  }
  const [only, ...others] = visible;
  if (only && others.length === 0) return only;
  throw badInput(
    visible.length === 0
      ? 'No account is connected.'
      : `Several accounts are connected: pass \`account\` (one of: ${choices.join(', ')}).`,
    { argument: 'account', choices },
  );
}

export type { ProviderAdapter };
