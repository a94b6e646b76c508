/**
 * The request pipeline: log every request, then (after faults) the API version header, the bearer
 * token, the rate limit and the route's scope.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { FaultEnv } from '../common/fault-middleware.js';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { GustoEnv } from './env.js';
import type { GustoOAuthStore } from './oauth-store.js';
import type { RateLimiter } from './rate-limit.js';
import { errors } from './respond.js';

/** The only version this sandbox speaks; also what a request without the header gets. */
export const GUSTO_API_VERSION = '2025-06-15';
export const VERSION_HEADER = 'X-Gusto-API-Version';

export function observe(log: RequestLog): MiddlewareHandler<GustoEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('authKind', 'none');
    c.set('fault', null);
    let status = 0;
    try {
      await next();
      status = c.get('sentStatus') ?? c.res.status;
    } finally {
      const query = queryRecord(url.searchParams);
      const fault = c.get('fault');
      log.record({
        method: c.req.method,
        path: url.pathname,
        query,
        company: c.get('grant')?.companyUuid ?? null,
        auth: c.get('authKind'),
        status,
        fieldsAsked: [],
        ...(fault ? { fault } : {}),
      });
    }
  };
}

/**
 * Missing header: the application's minimum version, which for the sandbox's applications is
 * 2025-06-15 (the spec's default). Any other value: 400 naming the header (a sandbox choice; the
 * spec's enum has the one value). The version served is echoed on the response.
 */
export function apiVersion(): MiddlewareHandler<GustoEnv> {
  return async function checkVersion(c, next) {
    const asked = c.req.header(VERSION_HEADER);
    if (asked !== undefined && asked !== GUSTO_API_VERSION) {
      return errors(c, 400, [
        {
          error_key: VERSION_HEADER,
          category: 'invalid_attribute_value',
          message: `Unsupported API version; this server speaks ${GUSTO_API_VERSION}`,
        },
      ]);
    }
    await next();
    c.header(VERSION_HEADER, GUSTO_API_VERSION);
  };
}

function unauthorized(c: Context<GustoEnv>, description: string): Response {
  c.header(
    'WWW-Authenticate',
    `Bearer realm="Gusto API", error="invalid_token", error_description="${description}"`,
  );
  return errors(c, 401, [{ error_key: 'base', category: 'unauthorized', message: description }]);
}

/** Expired, revoked or unknown bearer → 401 (Gusto docs: "you will receive 401 Unauthorized"). */
export function bearerAuth(
  oauth: GustoOAuthStore,
  limiter: RateLimiter | null,
): MiddlewareHandler<GustoEnv> {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return unauthorized(c, 'The access token is missing');
    const grant = oauth.access(match[1]!);
    if (typeof grant !== 'object') {
      c.set('authKind', 'invalid');
      return unauthorized(
        c,
        grant === 'expired'
          ? 'The access token expired'
          : grant === 'revoked'
            ? 'The access token was revoked'
            : 'The access token is invalid',
      );
    }
    c.set('authKind', 'oauth');
    c.set('grant', grant);
    if (!limiter) return next();
    const decision = limiter.take(`${grant.clientId}|${grant.companyUuid}`);
    const rateHeaders = {
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': String(decision.remaining),
      'X-RateLimit-Reset': new Date(decision.resetAt).toISOString(),
    };
    if (!decision.allowed) {
      for (const [name, value] of Object.entries(rateHeaders)) c.header(name, value);
      return gustoThrottle(
        c as unknown as Context<FaultEnv>,
        429,
        String(decision.retryAfterSeconds),
      );
    }
    await next();
    // A fresh Response rather than mutating the route's: @hono/node-server swaps in its own
    // Response class, whose headers do not always take later changes.
    const headers = new Headers(c.res.headers);
    for (const [name, value] of Object.entries(rateHeaders)) headers.set(name, value);
    const { body, status, statusText } = c.res;
    c.res = undefined;
    c.res = new Response(body, { status, statusText, headers });
  };
}

/** A route's scope; missing → 403 (spec: fields and endpoints are gated by scopes). */
export function requireScope(scope: string | null): MiddlewareHandler<GustoEnv> {
  return async function checkScope(c, next) {
    if (scope !== null && !c.get('grant').scopes.includes(scope)) {
      c.header(
        'WWW-Authenticate',
        `Bearer realm="Gusto API", error="insufficient_scope", scope="${scope}"`,
      );
      return errors(c, 403, [
        {
          error_key: 'base',
          category: 'forbidden',
          message: `The access token lacks the ${scope} scope`,
        },
      ]);
    }
    await next();
  };
}

/** Gusto's 429/503 (the rate limit and injected faults alike): the `errors` body. */
export function gustoThrottle(
  c: Context<FaultEnv>,
  status: 429 | 503,
  retryAfter: string | null,
): Response {
  if (retryAfter !== null) c.header('Retry-After', retryAfter);
  const message = status === 429 ? 'Too Many Requests' : 'Service Unavailable';
  return c.json(
    {
      errors: [
        {
          error_key: 'base',
          category: status === 429 ? 'rate_limit_exceeded' : 'service_unavailable',
          message,
        },
      ],
    },
    status,
  );
}
