/**
 * Budgets of provider calls, per API token and per account (src/accounts/budget.ts). Before any
 * call, the operation's plan (explain's, the loaders' own planning) is held to each budget the
 * request is under: more calls than a per-request budget, or than what is left of a per-minute
 * one, and the operation is refused with BUDGET_EXCEEDED naming the part of the document that
 * costs most. The plan's least is what counts, so an operation is refused only when it must
 * overspend; the calls it then makes are counted in the minute's window. What is left shows in
 * `extensions.upstream.budget` whenever upstream accounting is on.
 */
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { Budget } from '../../../accounts/budget.js';
import { ErrorCode, hrError } from '../../../core/errors.js';
import type { HrContext } from '../../../schema/context.js';
import type { OperationPlanner } from '../explain/operation-planner.js';
import type { OperationPlan } from '../explain/plan-operation.js';
import { withUpstream } from '../upstream-extension.js';
import { type CallWindow, createCallWindow } from './call-window.js';

/** One budget a request is under: its token's, or an account's it reads. */
export interface BudgetHolder {
  readonly kind: 'token' | 'account';
  readonly id: string;
  readonly budget: Budget;
}

export interface BudgetsOptions {
  readonly planner: OperationPlanner;
  /** The budgets a request is under, given the accounts it may read; [] for none. */
  holdersOf(request: Request, accounts: readonly string[]): Promise<readonly BudgetHolder[]>;
  /** Where calls per minute are counted. @default an in-memory window of 60 s */
  readonly window?: CallWindow;
}

const keyOf = (holder: BudgetHolder) => `${holder.kind}\u0000${holder.id}`;

/** The calls a holder's budget counts: every account's for a token, its own for an account. */
function planned(plan: OperationPlan, holder: BudgetHolder): number {
  if (holder.kind === 'token') return plan.calls.min;
  return plan.accounts.find((a) => a.accountId === holder.id)?.calls.min ?? 0;
}

/** The path whose calls are most, among those the holder's budget counts. */
function costliest(plan: OperationPlan, holder: BudgetHolder) {
  const byPath = new Map<string, number>();
  for (const part of plan.parts) {
    if (holder.kind === 'account' && part.accountId !== holder.id) continue;
    byPath.set(part.path, (byPath.get(part.path) ?? 0) + part.calls.min);
  }
  let top: { path: string; calls: number } = { path: '', calls: 0 };
  for (const [path, calls] of byPath) if (calls > top.calls) top = { path, calls };
  return top;
}

function refusal(
  plan: OperationPlan,
  holder: BudgetHolder,
  limit: {
    readonly per: 'request' | 'minute';
    readonly allows: number;
    readonly retryAfter?: number;
  },
) {
  const calls = planned(plan, holder);
  const top = costliest(plan, holder);
  const whose = holder.kind === 'token' ? `API token ${holder.id}` : `account ${holder.id}`;
  const allowance =
    limit.per === 'request'
      ? `${limit.allows} a request`
      : `${limit.allows} more this minute (try again in ${limit.retryAfter} s)`;
  return hrError(
    ErrorCode.BUDGET_EXCEEDED,
    `This operation makes at least ${calls} provider calls; the budget of ${whose} allows ${allowance}. Most of them: \`${top.path}\` (at least ${top.calls}). Ask for fewer records, ids or fields there, or split the operation.`,
    {
      budget: { kind: holder.kind, id: holder.id, per: limit.per, allows: limit.allows },
      calls,
      path: top.path,
      pathCalls: top.calls,
      ...(limit.retryAfter === undefined ? {} : { retryAfter: limit.retryAfter }),
    },
  );
}

export function useBudgets(options: BudgetsOptions): Plugin<HrContext> {
  const { planner, holdersOf, window = createCallWindow() } = options;
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as HrContext & { request?: Request };
      if (!ctx.request) return;
      const accounts = ctx.loaders.accounts().map((adapter) => adapter.accountId);
      const holders = (await holdersOf(ctx.request, accounts)).filter(
        (h) => h.budget.perRequest !== null || h.budget.perMinute !== null,
      );
      if (holders.length === 0) return;
      const plan = planner(args);
      for (const holder of holders) {
        const calls = planned(plan, holder);
        const { perRequest, perMinute } = holder.budget;
        if (perRequest !== null && calls > perRequest) {
          setResultAndStopExecution({
            errors: [refusal(plan, holder, { per: 'request', allows: perRequest })],
          });
          return;
        }
        const wait = perMinute === null ? 0 : window.waitFor(keyOf(holder), calls, perMinute);
        if (perMinute !== null && wait > 0) {
          const allows = Math.max(0, perMinute - window.spent(keyOf(holder)));
          setResultAndStopExecution({
            errors: [refusal(plan, holder, { per: 'minute', allows, retryAfter: wait })],
          });
          return;
        }
      }
      return {
        onExecuteDone(payload) {
          const made = new Map<string, number>();
          let total = 0;
          for (const entry of ctx.loaders.recorder.summary().entries) {
            made.set(entry.accountId, (made.get(entry.accountId) ?? 0) + 1);
            total += 1;
          }
          for (const holder of holders) {
            window.add(keyOf(holder), holder.kind === 'token' ? total : (made.get(holder.id) ?? 0));
          }
          const budget = holders.map((holder) => ({
            kind: holder.kind,
            id: holder.id,
            perRequest: holder.budget.perRequest,
            perMinute: holder.budget.perMinute,
            leftThisMinute:
              holder.budget.perMinute === null
                ? null
                : Math.max(0, holder.budget.perMinute - window.spent(keyOf(holder))),
          }));
          return handleStreamOrSingleExecutionResult(
            payload,
            function addBudget({ result, setResult }) {
              setResult(withUpstream(result, { budget }));
            },
          );
        },
      };
    },
  };
}
