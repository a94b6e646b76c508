/**
 * One log line per GraphQL request, at info: the operation's name and type, how long the
 * request took, the provider calls it made (count, retries), its HTTP status, its outcome and
 * error codes. Built from those fields alone (logger.ts says why).
 */
import { type ExecutionResult, getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { HrContext } from '../../schema/context.js';
import type { Logger } from './logger.js';
import { operationNameOf, outcomeOf, type ResponseOutcome } from './outcome.js';

export interface RequestLogOptions {
  readonly logger: Logger;
  /** @default Date.now */
  readonly now?: () => number;
}

interface RequestNotes {
  readonly startedAt: number;
  operation?: string | null;
  operationType?: string;
  context?: HrContext;
  result?: ResponseOutcome;
}

export function useRequestLog(options: RequestLogOptions): Plugin<HrContext> {
  const { logger, now = Date.now } = options;
  // Keyed by the request: nothing outlives it and concurrent requests never mix.
  const notes = new WeakMap<Request, RequestNotes>();
  return {
    onRequest({ request }) {
      notes.set(request, { startedAt: now() });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const note = request && notes.get(request);
      if (!note) return;
      const operation = getOperationAST(args.document, args.operationName);
      note.operation = operationNameOf(args.operationName ?? operation?.name?.value);
      note.operationType = operation?.operation;
      note.context = args.contextValue;
    },
    onResultProcess({ request, result }) {
      const note = notes.get(request);
      if (!note || isAsyncIterable(result)) return;
      const first = (Array.isArray(result) ? result[0] : result) as ExecutionResult | undefined;
      if (first) note.result = outcomeOf(first);
    },
    onResponse({ request, response }) {
      const note = notes.get(request);
      if (!note) return;
      notes.delete(request);
      const upstream = note.context?.loaders.recorder.summary();
      logger.info(
        {
          event: 'request',
          operation: note.operation ?? null,
          operationType: note.operationType ?? null,
          durationMs: now() - note.startedAt,
          httpStatus: response.status,
          outcome: note.result?.outcome ?? (response.status < 400 ? 'success' : 'error'),
          errorCodes: note.result?.errorCodes ?? [],
          upstreamCalls: upstream?.calls ?? 0,
          upstreamRetries: upstream?.retries ?? 0,
        },
        'request',
      );
    },
  };
}
