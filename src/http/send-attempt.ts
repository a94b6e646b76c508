/**
 * One attempt of a call: send it through the pooled dispatcher, cut it short at the deadline or
 * on abort, and sort what came back into a response or a failure.
 */
import type { Dispatcher } from 'undici';
import type { CallContext } from '../core/contract/index.js';
import { abortError, attemptSignal } from './abort.js';
import { responseTooLargeError } from './errors.js';
import { type AttemptFailure, bodyFailure, networkFailure, retryableStatuses } from './failure.js';
import { BodyTooLarge, readBodyText } from './read-body.js';
import { createUpstreamResponse, normalizeHeaders } from './response.js';
import { retryAfterSeconds } from './retry-after.js';
import type { UpstreamRequest, UpstreamResponse } from './types.js';

export type AttemptResult =
  | { readonly ok: true; readonly response: UpstreamResponse }
  | { readonly ok: false; readonly failure: AttemptFailure };

/** What the recorder needs to know about the attempt in flight. */
export interface CallState {
  status: number | null;
}

export interface AttemptDeps {
  readonly dispatcher: Dispatcher;
  readonly now: () => number;
  readonly maxResponseBytes: number;
}

export type SendAttempt = (
  req: UpstreamRequest,
  target: URL,
  ctx: CallContext,
  state: CallState,
) => Promise<AttemptResult>;

export function createSendAttempt({ dispatcher, now, maxResponseBytes }: AttemptDeps): SendAttempt {
  return async function sendAttempt(req, target, ctx, state) {
    state.status = null;
    const remaining = ctx.deadline === undefined ? null : ctx.deadline - now();
    if (remaining !== null && remaining <= 0) return { ok: false, failure: { kind: 'deadline' } };
    const link = attemptSignal(ctx.signal, remaining);
    try {
      const res = await dispatcher.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers ?? {},
        body: req.body ?? null,
        signal: link.signal,
      });
      state.status = res.statusCode;
      const headers = normalizeHeaders(res.headers);
      if (retryableStatuses.has(res.statusCode)) {
        // Frees the connection for the retry; a body too big to drain costs only that socket.
        await res.body.dump().catch(() => undefined);
        const retryAfter = retryAfterSeconds(headers, now(), req.parseRetryAfter);
        return { ok: false, failure: { kind: 'status', status: res.statusCode, retryAfter } };
      }
      let text: string;
      try {
        text = await readBodyText(res.body, maxResponseBytes);
      } catch (error) {
        if (ctx.signal.aborted || link.deadlineHit() || error instanceof BodyTooLarge) throw error;
        const failure = bodyFailure(error, res.statusCode);
        if (failure === null) throw error;
        return { ok: false, failure };
      }
      if (req.isThrottle?.(res.statusCode, headers, text)) {
        const retryAfter = retryAfterSeconds(headers, now(), req.parseRetryAfter);
        return { ok: false, failure: { kind: 'status', status: 429, retryAfter } };
      }
      return { ok: true, response: createUpstreamResponse(req, res.statusCode, headers, text) };
    } catch (error) {
      if (ctx.signal.aborted) throw abortError(ctx.signal);
      if (link.deadlineHit()) return { ok: false, failure: { kind: 'deadline' } };
      if (error instanceof BodyTooLarge) throw responseTooLargeError(req, maxResponseBytes);
      const failure = networkFailure(error);
      if (failure === null) throw error;
      state.status = null;
      return { ok: false, failure };
    } finally {
      link.dispose();
    }
  };
}
