/**
 * The budgets one request is under: its API token's, and those of the stored accounts it may
 * read. Read from the store at every request, so a budget set with the CLI holds at once, in
 * every worker.
 */
import type { AccountId } from '../core/ids.js';
import type { AccountStore } from './account-store.js';
import type { ApiTokens } from './api-tokens.js';
import type { Budget } from './budget.js';

export interface BudgetHolderOf {
  readonly kind: 'token' | 'account';
  readonly id: string;
  readonly budget: Budget;
}

export interface BudgetHoldersOptions {
  readonly tokens: Pick<ApiTokens, 'budget'>;
  readonly store: Pick<AccountStore, 'accountBudgets'>;
}

export function budgetHolders(options: BudgetHoldersOptions) {
  const { tokens, store } = options;
  return async function holdersOf(
    request: Request,
    accounts: readonly string[],
  ): Promise<BudgetHolderOf[]> {
    const [scheme, bearer] = (request.headers.get('authorization') ?? '').split(/\s+/, 2);
    const token = scheme?.toLowerCase() === 'bearer' && bearer ? await tokens.budget(bearer) : null;
    const budgets = await store.accountBudgets();
    return [
      ...(token ? [{ kind: 'token' as const, id: token.tokenId, budget: token.budget }] : []),
      ...accounts.flatMap((id) => {
        const budget = budgets.get(id as AccountId);
        return budget ? [{ kind: 'account' as const, id, budget }] : [];
      }),
    ];
  };
}
