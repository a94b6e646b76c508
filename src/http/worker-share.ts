/**
 * What one process of several serving the same accounts (the workers of `hrgraph serve
 * --workers N`) shares with the others about each account's provider. A provider's request
 * budget is published per account, not per process (Gusto 200 a minute, Google 2,400), so each
 * process keeps its part of it and together they keep within it. A pause the provider asked for
 * (Retry-After) is told to every process, since their calls for the account would hear the same.
 */
import type { RequestBudget } from './account-limiter.js';

export interface PauseChannel {
  /** Tells the other processes that `accountId`'s provider asked for quiet until `until` (epoch ms). */
  publish(accountId: string, until: number): void;
  /** Hears the pauses the other processes publish; returns how to stop hearing them. */
  subscribe(listener: (accountId: string, until: number) => void): () => void;
}

/**
 * This process's part of `budget` when it holds `share` of it (1/N of N processes): the requests
 * are divided, rounded down, so the parts never add up to more than the whole. A budget too small
 * to give each process one request per interval gives one per a longer interval instead.
 */
export function budgetPart(budget: RequestBudget | null, share: number): RequestBudget | null {
  if (budget === null || share >= 1) return budget;
  const requests = Math.floor(budget.requests * share);
  if (requests >= 1) return { requests, intervalMs: budget.intervalMs };
  return { requests: 1, intervalMs: Math.ceil(budget.intervalMs / (budget.requests * share)) };
}
