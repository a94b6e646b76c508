/**
 * The one layer every provider talks to its API through: pooled keep-alive connections,
 * timeouts, per-account limits and circuit breakers, retries that honour `Retry-After`,
 * deadlines, bounded bodies, and one recorder entry per logical call.
 */
import { getMaxListeners, setMaxListeners } from 'node:events';
import { Agent, type Dispatcher } from 'undici';
import type { CallContext } from '../core/contract/index.js';
import { abortError } from './abort.js';
import { createAccountGuards } from './account-guards.js';
import { LimiterRefusal, type Release } from './account-limiter.js';
import { type BackoffPolicy, retryDelayMs } from './backoff.js';
import type { CallVerdict } from './circuit-breaker.js';
import {
  circuitOpenError,
  deadlinePassedError,
  limiterRefusedError,
  upstreamFailureError,
} from './errors.js';
import { type AttemptFailure, isRetryable, isThrottled } from './failure.js';
import { localhostAwareLookup } from './localhost-lookup.js';
import { type CallWatch, combineObservers } from './observer.js';
import { type HttpClientOptions, resolveHttpClientOptions } from './options.js';
import { type AttemptResult, type CallState, createSendAttempt } from './send-attempt.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from './types.js';

/**
 * One GraphQL request fans out into many calls (and queued calls), each listening to the
 * request's signal until it settles, so more than Node's default of 10 listeners is expected,
 * not a leak; every listener goes when its call ends.
 */
const signalListenerAllowance = 4_096;

function allowFanOut(signal: AbortSignal): void {
  try {
    if (getMaxListeners(signal) < signalListenerAllowance) {
      setMaxListeners(signalListenerAllowance, signal);
    }
  } catch {
    // Only Node's own signals carry a limit: a server may hand over a look-alike (whatwg-node's
    // node adapter does), which Node refuses here and which never warns anyway.
  }
}

/** The error's hrgraph code, for an observer: a code is a bounded word, never a message. */
function codeOf(error: unknown): { errorCode?: string } {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string') return { errorCode: code };
  return error instanceof Error && error.name === 'AbortError' ? { errorCode: 'ABORTED' } : {};
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const config = resolveHttpClientOptions(options);
  const { now, sleep, maxAttempts } = config;
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
  const sendAttempt = createSendAttempt({
    dispatcher,
    now,
    maxResponseBytes: config.maxResponseBytes,
  });
  const guards = createAccountGuards(config);
  const stopHearing = config.pauses?.subscribe(guards.pause);
  const observer = combineObservers(config.observers);
  let closed = false;

  async function request(req: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    if (ctx.signal.aborted) throw abortError(ctx.signal);
    if (closed) throw new Error('http client is closed');
    allowFanOut(ctx.signal);
    const target = new URL(req.url);
    const started = now();
    const watch: CallWatch | undefined = observer?.callStarted({
      accountId: req.accountId,
      operation: req.operation,
      method: req.method,
      fields: req.fields ?? 0,
      ids: req.ids ?? 0,
    });
    const { limiter, breaker } = guards.of(req.accountId, req.budget);
    // Nothing is sent, so nothing is recorded: the recorder counts calls the provider saw.
    if (ctx.deadline !== undefined && started >= ctx.deadline) {
      watch?.refused?.('deadline', breaker.state());
      throw deadlinePassedError(req);
    }
    const admission = breaker.admit();
    if (!admission.admitted) {
      watch?.refused?.('circuit_open', breaker.state());
      throw circuitOpenError(req, admission.retryAfterMs);
    }
    const idempotent = req.idempotent ?? req.method === 'GET';
    const state: CallState = { status: null };
    let attempts = 0;
    let verdict: CallVerdict = 'neutral';
    let lastFailure: AttemptFailure | null = null;
    let failedWith: unknown = null;
    try {
      for (;;) {
        let release: Release;
        const asked = watch?.waited ? now() : 0;
        try {
          release = await limiter.acquire({
            signal: ctx.signal,
            deadline: ctx.deadline,
            retry: attempts > 0,
          });
          if (watch?.waited && now() > asked) watch.waited(now() - asked);
        } catch (error) {
          if (!(error instanceof LimiterRefusal)) throw error;
          if (attempts === 0) watch?.refused?.('budget', breaker.state());
          // A retry held back: the provider's own last answer tells the caller more.
          if (lastFailure !== null) throw upstreamFailureError(req, lastFailure, attempts);
          throw limiterRefusedError(req, error.reason, error.retryAfterMs, attempts);
        }
        attempts += 1;
        verdict = 'neutral';
        let result: AttemptResult;
        try {
          result = await sendAttempt(req, target, ctx, state);
        } finally {
          release();
        }
        if (result.ok) {
          verdict = 'success';
          return result.response;
        }
        const { failure } = result;
        lastFailure = failure;
        verdict = isThrottled(failure) ? 'neutral' : 'failure';
        const retryAfter = failure.kind === 'status' ? failure.retryAfter : null;
        const wait = retryDelayMs(attempts - 1, retryAfter, policy);
        // The account's other calls would hear the same answer: they wait as well, in every
        // process serving it.
        if (retryAfter !== null) {
          const until = now() + wait;
          limiter.pause(until);
          config.pauses?.publish(req.accountId, until);
        }
        if (!idempotent || !isRetryable(failure) || attempts >= maxAttempts) {
          throw upstreamFailureError(req, failure, attempts);
        }
        // Waiting past the deadline only to be cut off would spend the caller's time for nothing.
        if (ctx.deadline !== undefined && now() + wait >= ctx.deadline) {
          throw upstreamFailureError(req, failure, attempts);
        }
        await sleep(wait, ctx.signal);
        if (ctx.signal.aborted) throw abortError(ctx.signal);
      }
    } catch (error) {
      failedWith = error;
      throw error;
    } finally {
      breaker.settle(admission, ctx.signal.aborted ? 'neutral' : verdict);
      if (attempts > 0) {
        watch?.ended?.({
          status: state.status,
          retries: attempts - 1,
          durationMs: now() - started,
          outcome: failedWith === null ? 'answered' : 'failed',
          ...codeOf(failedWith),
          circuit: breaker.state(),
        });
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
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    stopHearing?.();
    guards.close();
    if (ownsDispatcher) await dispatcher.close();
  }

  return { request, close };
}
