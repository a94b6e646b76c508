/** The request pipeline before the routes: log every request, then count it against its bucket. */
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../common/clock.js';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { Directory } from './directory.js';
import type { OktaEnv } from './env.js';
import { type RateLimiter, rateHeaders } from './rate-limit.js';
import { oktaError } from './respond.js';

/** Outermost: records every request, including those a fault, a limit or an error ended. */
export function observe(log: RequestLog, directory: Directory): MiddlewareHandler<OktaEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('authKind', 'none');
    c.set('fault', null);
    c.set('directory', directory);
    let status = 0;
    try {
      await next();
      status = c.get('sentStatus') ?? c.res.status;
    } finally {
      const fault = c.get('fault');
      const query = queryRecord(url.searchParams);
      log.record({
        method: c.req.method,
        path: url.pathname,
        query,
        company: directory.company.domain,
        auth: c.get('authKind'),
        status,
        fieldsAsked: fieldsAsked(url.searchParams.get('fields')),
        ...(fault ? { fault } : {}),
      });
    }
  };
}

/** listUsers `fields` as names (`profile.city`), so tests can see what a projection asked for. */
function fieldsAsked(fields: string | null): string[] {
  if (!fields) return [];
  const names: string[] = [];
  const rest = fields.replace(/profile\s*:\s*\(([^)]*)\)/g, (_all, inner: string) => {
    for (const name of inner.split(',')) if (name.trim()) names.push(`profile.${name.trim()}`);
    return '';
  });
  for (const name of rest.split(',')) if (name.trim()) names.push(name.trim());
  return names;
}

/**
 * X-Rate-Limit-* on every response; over the minute's limit → 429 E0000047. `Date` comes from
 * the sandbox's clock too, since clients measure the wait to X-Rate-Limit-Reset from it.
 */
export function rateLimit(limiter: RateLimiter, clock: Clock): MiddlewareHandler<OktaEnv> {
  return async function limitRate(c, next) {
    const state = limiter.take(c.req.path);
    for (const [name, value] of Object.entries(rateHeaders(state))) c.header(name, value);
    c.header('Date', new Date(clock.now()).toUTCString());
    if (state.exceeded) return oktaError(c, 429, 'rateLimited');
    await next();
  };
}
