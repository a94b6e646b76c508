/**
 * The request pipeline before the routes: the log (inner `$batch` requests kept apart, since they
 * travel in one HTTP request), bearer-token checks on `/v1.0`, and the throttling of single inner
 * requests.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../common/clock.js';
import type { FaultInjector } from '../common/faults.js';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { Directory } from './directory.js';
import type { EntraEnv } from './env.js';
import { graphError, graphErrorBody } from './respond.js';
import type { TokenStore } from './tokens.js';

export interface PipelineOptions {
  readonly log: RequestLog;
  readonly innerLog: RequestLog;
  readonly directory: Directory;
  /** Whether a request is an inner request of a `$batch`. */
  isInner(c: Context<EntraEnv>): boolean;
}

export function observe(options: PipelineOptions): MiddlewareHandler<EntraEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('authKind', 'none');
    c.set('fault', null);
    c.set('directory', options.directory);
    c.set('fieldsAsked', []);
    let status = 0;
    try {
      await next();
      status = c.get('sentStatus') ?? c.res.status;
    } finally {
      const fault = c.get('fault');
      (options.isInner(c) ? options.innerLog : options.log).record({
        method: c.req.method,
        path: url.pathname,
        query: queryRecord(url.searchParams),
        company: options.directory.company.domain,
        auth: c.get('authKind'),
        status,
        fieldsAsked: [...c.get('fieldsAsked')],
        ...(fault ? { fault } : {}),
      });
    }
  };
}

/** Graph's 401 for a missing, unknown or expired bearer token. */
export function requireToken(tokens: TokenStore): MiddlewareHandler<EntraEnv> {
  return async function checkToken(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      c.set('authKind', 'invalid');
      return graphError(c, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const grant = tokens.check(match[1]!);
    if (grant === 'unknown' || grant === 'expired') {
      c.set('authKind', 'invalid');
      return graphError(
        c,
        401,
        'InvalidAuthenticationToken',
        grant === 'expired'
          ? 'Lifetime validation failed, the token is expired.'
          : 'IDX14100: JWT is not well formed.',
      );
    }
    c.set('authKind', 'oauth');
    await next();
  };
}

/** Graph's throttle answer: 429 `TooManyRequests` (or 503) with `Retry-After` when given. */
export function graphThrottle(clock: Clock) {
  return function throttle(c: Context, status: 429 | 503, retryAfter: string | null): Response {
    if (retryAfter !== null) c.header('Retry-After', retryAfter);
    const body =
      status === 429
        ? graphErrorBody('TooManyRequests', 'Too many requests.', clock.now())
        : graphErrorBody(
            'serviceNotAvailable',
            'The service is temporarily unavailable.',
            clock.now(),
          );
    return c.json(body, status);
  };
}

/**
 * Inner `$batch` requests meet only throttles (429, 503) and latency: resets and broken bodies
 * belong to the HTTP exchange, which is the batch's.
 */
export function innerFaults(
  injector: FaultInjector,
  clock: Clock,
  isInner: PipelineOptions['isInner'],
): MiddlewareHandler<EntraEnv> {
  const throttle = graphThrottle(clock);
  return async function throttleInner(c, next) {
    if (!isInner(c)) return next();
    const decision = injector.decide({
      method: c.req.method,
      path: c.req.path,
      company: c.get('directory').company.domain,
    });
    const fault = decision.fault;
    if (fault && (fault.kind === '429' || fault.kind === '503')) {
      c.set('fault', fault.kind);
      const retry = fault.retryAfter;
      const value = !retry
        ? null
        : 'seconds' in retry
          ? String(retry.seconds)
          : new Date(clock.now() + retry.httpDate * 1000).toUTCString();
      return throttle(c, fault.kind === '429' ? 429 : 503, value);
    }
    return next();
  };
}
