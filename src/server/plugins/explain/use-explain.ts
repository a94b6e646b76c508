/**
 * Explain in-band: a request that asks (the `hrgraph-explain` header or `extensions.explain`,
 * explain-request.ts) gets `extensions.upstream.plan`, the provider calls its operation makes per
 * account, computed before any is made. A dry run answers with the plan alone: no resolver runs
 * and no provider is called, so a client can price an operation without spending anything.
 */
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { HrContext } from '../../../schema/context.js';
import { withUpstream } from '../upstream-extension.js';
import { explainRequestOf } from './explain-request.js';
import type { OperationPlanner } from './operation-planner.js';

export interface ExplainOptions {
  readonly planner: OperationPlanner;
  /** The request header that asks for a plan. @default 'hrgraph-explain' */
  readonly header?: string;
}

interface YogaParts {
  readonly request?: Request;
  readonly params?: { readonly extensions?: Record<string, unknown> };
}

export function useExplain(options: ExplainOptions): Plugin<HrContext> {
  const { planner, header = 'hrgraph-explain' } = options;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { request, params } = args.contextValue as HrContext & YogaParts;
      let asked: ReturnType<typeof explainRequestOf>;
      try {
        asked = explainRequestOf(request?.headers.get(header), params?.extensions?.explain);
      } catch (error) {
        setResultAndStopExecution({ errors: [error as Error & { message: string }] as never });
        return;
      }
      if (!asked) return;
      const plan = planner(args, asked.assume);
      if (asked.dryRun) {
        setResultAndStopExecution({ extensions: { upstream: { calls: 0, plan } } });
        return;
      }
      return {
        onExecuteDone(payload) {
          return handleStreamOrSingleExecutionResult(
            payload,
            function addPlan({ result, setResult }) {
              setResult(withUpstream(result, { plan }));
            },
          );
        },
      };
    },
  };
}
