/**
 * The request pipeline: log every request, then (after faults) the bearer token of the API
 * version the path belongs to, and Personio's throttle answer.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { FaultEnv } from '../common/fault-middleware.js';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { PersonioEnv } from './env.js';
import { v1Error, v2Error } from './respond.js';
import type { TokenStore, TokenVersion } from './tokens.js';

export function observe(log: RequestLog, company: string): MiddlewareHandler<PersonioEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('authKind', 'none');
    c.set('fault', null);
    let status = 0;
    try {
      await next();
      status = c.get('sentStatus') ?? c.res.status;
    } finally {
      const fault = c.get('fault');
      log.record({
        method: c.req.method,
        path: url.pathname,
        query: queryRecord(url.searchParams),
        company,
        auth: c.get('authKind'),
        status,
        fieldsAsked: url.searchParams.getAll('attributes[]'),
        ...(fault ? { fault } : {}),
      });
    }
  };
}

/**
 * v1: no token is a 401 "Authorization is not provided", a token it does not know a 403
 * "Provided authorization is not valid" (spec examples). v2: a 401 in the v2 error shape. A
 * served v1 answer carries the token back in `authorization`, as Personio's does.
 */
export function bearer(tokens: TokenStore, version: TokenVersion): MiddlewareHandler<PersonioEnv> {
  return async function authenticate(c, next) {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const holder = match ? tokens.holder(version, match[1]!) : null;
    if (holder === null) {
      c.set('authKind', match ? 'invalid' : 'none');
      if (version === 'v2') {
        return v2Error(
          c,
          401,
          'common.unauthorized',
          'Unauthorized',
          'The access token is missing, invalid or expired.',
        );
      }
      return match
        ? v1Error(c, 403, 'Provided authorization is not valid')
        : v1Error(c, 401, 'Authorization is not provided');
    }
    c.set('authKind', 'oauth');
    c.set('clientId', holder);
    await next();
    if (version === 'v1' && c.res.status < 300) {
      const headers = new Headers(c.res.headers);
      headers.set('authorization', `Bearer ${match![1]!}`);
      const { body, status, statusText } = c.res;
      c.res = undefined;
      c.res = new Response(body, { status, statusText, headers });
    }
  };
}

/** A 429 or 503, in the shape of the API version the path belongs to. */
export function personioThrottle(
  c: Context<FaultEnv>,
  status: 429 | 503,
  retryAfter: string | null,
): Response {
  if (retryAfter !== null) c.header('Retry-After', retryAfter);
  const message = status === 429 ? 'Too Many Requests' : 'Service Unavailable';
  if (new URL(c.req.url).pathname.startsWith('/v2/')) {
    const code = status === 429 ? 'common.too_many_requests' : 'common.service_unavailable';
    return v2Error(c, status, code, message, 'Please try again later.');
  }
  return v1Error(c, status, message);
}
