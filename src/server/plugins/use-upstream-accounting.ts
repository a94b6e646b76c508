/**
 * Puts the provider calls a request made into the response's `extensions.upstream` (calls,
 * retries, time, and one entry per call: operation, path without query, field and id counts),
 * when the client sends `x-hrgraph-upstream: 1` or the server runs in development mode. Tests and
 * benchmarks read it to assert exact call counts. Entries never hold query strings or values, so
 * no personal data reaches the response through it.
 */
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { HrContext } from '../../schema/context.js';
import { withUpstream } from './upstream-extension.js';

export interface UpstreamAccountingOptions {
  /** Report on every response, without the header. @default false */
  always?: boolean;
  /** The request header that opts in (value `1` or `true`). @default 'x-hrgraph-upstream' */
  header?: string;
}

export function useUpstreamAccounting(options: UpstreamAccountingOptions = {}): Plugin<HrContext> {
  const { always = false, header = 'x-hrgraph-upstream' } = options;
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const value = request?.headers.get(header);
      if (!always && value !== '1' && value !== 'true') return;
      return {
        onExecuteDone(payload) {
          return handleStreamOrSingleExecutionResult(
            payload,
            function addUpstream({ result, setResult }) {
              const summary = payload.args.contextValue.loaders.recorder.summary();
              setResult(withUpstream(result, { ...summary }));
            },
          );
        },
      };
    },
  };
}
