/**
 * The request pipeline: log every request, then (after faults) HTTP Basic auth with a service
 * user's id and token, the WAF's block of a source that keeps failing it, and the per-endpoint
 * rate limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../common/clock.js';
import type { FaultEnv } from '../common/fault-middleware.js';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { HibobEnv } from './env.js';
import { type RateLimiter, rateHeaders } from './rate-limit.js';
import { bobError } from './respond.js';

export interface ServiceUser {
  readonly id: string;
  readonly token: string;
}

export function observe(log: RequestLog, companyId: string): MiddlewareHandler<HibobEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('authKind', 'none');
    c.set('fault', null);
    c.set('fieldsAsked', []);
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
        company: c.get('serviceUser') ? companyId : null,
        auth: c.get('authKind'),
        status,
        fieldsAsked: c.get('fieldsAsked'),
        ...(fault ? { fault } : {}),
      });
    }
  };
}

/** The service user of a Basic header, or null when the header is not Basic or not `id:token`. */
function basicCredentials(header: string | undefined): ServiceUser | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return null;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon <= 0 ? null : { id: text.slice(0, colon), token: text.slice(colon + 1) };
}

export interface AuthOptions {
  readonly users: readonly ServiceUser[];
  readonly clock: Clock;
  readonly limiter: RateLimiter | null;
  /** Failed attempts after which the WAF blocks the service user id. @default 5 */
  readonly blockAfter?: number;
  /** How long a block lasts (ms). @default 900_000 */
  readonly blockMs?: number;
}

export interface BasicAuth {
  readonly middleware: MiddlewareHandler<HibobEnv>;
  /** Lifts every WAF block and forgets failed attempts. */
  reset(): void;
}

/**
 * A missing or wrong Basic header is 401; the WAF "blocks sources with repeated auth or
 * permission failures" (reference §2): after `blockAfter` failures for one service user id,
 * every request naming it is 403 until the block lapses, even with the right token.
 */
export function basicAuth(options: AuthOptions): BasicAuth {
  const { users, clock, limiter, blockAfter = 5, blockMs = 900_000 } = options;
  const failures = new Map<string, { count: number; blockedUntil: number }>();
  const middleware: MiddlewareHandler<HibobEnv> = async function authenticate(c, next) {
    const given = basicCredentials(c.req.header('authorization'));
    const record = given ? failures.get(given.id) : undefined;
    if (given && record && record.blockedUntil > clock.now()) {
      c.set('authKind', 'invalid');
      return bobError(
        c,
        403,
        'BLOCKED',
        'Too many failed attempts: access is blocked, try again later',
      );
    }
    const user = given && users.find((u) => u.id === given.id && u.token === given.token);
    if (!user) {
      c.set('authKind', given ? 'invalid' : 'none');
      if (given) {
        const next = { count: (record?.count ?? 0) + 1, blockedUntil: 0 };
        if (next.count >= blockAfter) next.blockedUntil = clock.now() + blockMs;
        failures.set(given.id, next);
      }
      c.header('WWW-Authenticate', 'Basic realm="Bob API"');
      return bobError(c, 401, 'UNAUTHORIZED', 'The service user credentials are not valid');
    }
    failures.delete(user.id);
    c.set('authKind', 'apiKey');
    c.set('serviceUser', user.id);
    if (!limiter) return next();
    const endpoint = `${c.req.method} ${endpointOf(c)}`;
    const decision = limiter.take(user.id, endpoint);
    const headers = rateHeaders(decision);
    if (!decision.allowed) {
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return hibobThrottle(c as unknown as Context<FaultEnv>, 429, null);
    }
    await next();
    // A fresh Response rather than mutating the route's: @hono/node-server swaps in its own
    // Response class, whose headers do not always take later changes.
    const merged = new Headers(c.res.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    const { body, status, statusText } = c.res;
    c.res = undefined;
    c.res = new Response(body, { status, statusText, headers: merged });
  };
  return { middleware, reset: () => failures.clear() };
}

/** The endpoint a path belongs to, per-person paths by their template (limits are per endpoint). */
function endpointOf(c: Context<HibobEnv>): string {
  return new URL(c.req.url).pathname.replace(/\/people\/\d+\//, '/people/{id}/');
}

/**
 * Bob's 429 (the spec declares no body; the sandbox sends the `Error` shape) and an injected 503.
 * `Retry-After` only when a fault asks for one: Bob documents the X-RateLimit-* headers instead.
 */
export function hibobThrottle(
  c: Context<FaultEnv>,
  status: 429 | 503,
  retryAfter: string | null,
): Response {
  if (retryAfter !== null) c.header('Retry-After', retryAfter);
  return status === 429
    ? bobError(c, 429, 'TOO_MANY_REQUESTS', 'Too Many Requests')
    : bobError(c, 503, 'SERVICE_UNAVAILABLE', 'Service Unavailable');
}
