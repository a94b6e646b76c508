/**
 * `--budget-per-request N` and `--budget-per-minute M`: provider calls a token's or an account's
 * requests may make (src/accounts/budget.ts). `none` clears one; left out, it stays as it was.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Budget } from '../accounts/budget.js';

/** A count of calls, or `none` (no limit). */
function callCount(value: string): number | 'none' {
  if (value === 'none') return 'none';
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(
      'expected a whole number of provider calls (1 or more), or none',
    );
  }
  return n;
}

export interface BudgetFlags {
  readonly budgetPerRequest?: number | 'none';
  readonly budgetPerMinute?: number | 'none';
}

export function withBudgetOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--budget-per-request <calls>',
        'most provider calls one request may make; an operation planned to need more is refused before any call (none: no limit)',
      ).argParser(callCount),
    )
    .addOption(
      new Option(
        '--budget-per-minute <calls>',
        'most provider calls per minute, counted as made (none: no limit)',
      ).argParser(callCount),
    );
}

/** The budget the flags make of `prior` (no limit where neither says). */
export function budgetFrom(flags: BudgetFlags, prior?: Budget): Budget {
  const pick = (flag: number | 'none' | undefined, was: number | null | undefined) =>
    flag === undefined ? (was ?? null) : flag === 'none' ? null : flag;
  return {
    perRequest: pick(flags.budgetPerRequest, prior?.perRequest),
    perMinute: pick(flags.budgetPerMinute, prior?.perMinute),
  };
}

/** `12/request, 300/minute`, `no limit`. */
export function describeBudget(budget: Budget | undefined): string {
  const parts = [
    budget?.perRequest != null ? `${budget.perRequest}/request` : '',
    budget?.perMinute != null ? `${budget.perMinute}/minute` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'no limit' : parts.join(', ');
}
