/**
 * The one layer every provider talks to its API through: pooled keep-alive connections,
 * timeouts, retries that honour `Retry-After`, deadlines, bounded bodies, and one recorder entry
 * per logical call.
 */
import { Agent, type Dispatcher } from 'undici';
import type { CallContext } from '../provider.js';
import { abortError, attemptSignal } from './abort.js';
import { type BackoffPolicy, retryDelayMs } from './backoff.js';
import { deadlinePassedError, responseTooLargeError, upstreamFailureError } from './errors.js';
import { type AttemptFailure, isRetryable, networkFailure, retryableStatuses } from './failure.js';
import { localhostAwareLookup } from './localhost-lookup.js';
import { type HttpClientOptions, resolveHttpClientOptions } from './options.js';
import { BodyTooLarge, readBodyText } from './read-body.js';
import { createUpstreamResponse, normalizeHeaders } from './response.js';
import { retryAfterSeconds } from './retry-after.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from './types.js';

type AttemptResult =
  | { readonly ok: true; readonly response: UpstreamResponse }
  | { readonly ok: false; readonly failure: AttemptFailure };

/** What the recorder needs to know about the attempt in flight. */
interface CallState {
  status: number | null;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const config = resolveHttpClientOptions(options);
  const { now, sleep, maxAttempts, maxResponseBytes } = config;
  const ownsDispatcher = config.dispatcher === undefined;
  const dispatcher: Dispatcher =
    config.dispatcher ??
    new Agent({
      connect: { timeout: config.connectTimeoutMs, lookup: localhostAwareLookup },
      headersTimeout: config.headersTimeoutMs,
      bodyTimeout: config.bodyTimeoutMs,
      connections: config.connectionsPerOrigin,
      keepAliveTimeout: config.keepAliveTimeoutMs,
    });
  const policy: BackoffPolicy = {
    baseMs: config.backoffBaseMs,
    capMs: config.backoffCapMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
    random: config.random,
  };
  let closed = false;

  async function attempt(
    req: UpstreamRequest,
    target: URL,
    ctx: CallContext,
    state: CallState,
  ): Promise<AttemptResult> {
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
      const text = await readBodyText(res.body, maxResponseBytes);
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
  }

  async function request(req: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    if (closed) throw new Error('http client is closed');
    const target = new URL(req.url);
    const started = now();
    // Nothing is sent, so nothing is recorded: the recorder counts calls the provider saw.
    if (ctx.deadline !== undefined && started >= ctx.deadline) throw deadlinePassedError(req);
    const idempotent = req.idempotent ?? req.method === 'GET';
    const state: CallState = { status: null };
    let attempts = 0;
    try {
      for (;;) {
        attempts += 1;
        const result = await attempt(req, target, ctx, state);
        if (result.ok) return result.response;
        const { failure } = result;
        if (!idempotent || !isRetryable(failure) || attempts >= maxAttempts) {
          throw upstreamFailureError(req, failure, attempts);
        }
        const retryAfter = failure.kind === 'status' ? failure.retryAfter : null;
        const wait = retryDelayMs(attempts - 1, retryAfter, policy);
        // Waiting past the deadline only to be cut off would spend the caller's time for nothing.
        if (ctx.deadline !== undefined && now() + wait >= ctx.deadline) {
          throw upstreamFailureError(req, failure, attempts);
        }
        await sleep(wait, ctx.signal);
        if (ctx.signal.aborted) throw abortError(ctx.signal);
      }
    } finally {
      ctx.recorder.record({
        accountId: req.accountId,
        operation: req.operation,
        method: req.method,
        path: target.pathname,
        fields: req.fields ?? 0,
        ids: req.ids ?? 0,
        status: state.status,
        retries: attempts - 1,
        durationMs: now() - started,
        startedAtMs: started,
      });
    }
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    if (ownsDispatcher) await dispatcher.close();
  }

  return { request, close };
}
