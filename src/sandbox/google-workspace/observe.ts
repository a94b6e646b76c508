/** Outermost middleware: every request lands in the request log, faults and errors included. */
import type { MiddlewareHandler } from 'hono';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { Directory } from './directory.js';
import type { GoogleEnv } from './env.js';

export function observe(log: RequestLog, directory: Directory): MiddlewareHandler<GoogleEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('authKind', 'none');
    c.set('fault', null);
    c.set('principal', null);
    c.set('fieldsAsked', []);
    c.set('directory', directory);
    let status = 0;
    try {
      await next();
      status = c.get('sentStatus') ?? c.res.status;
    } finally {
      const fault = c.get('fault');
      const fields = url.searchParams.get('fields');
      log.record({
        method: c.req.method,
        path: url.pathname,
        query: queryRecord(url.searchParams),
        company: directory.company.domain,
        auth: c.get('authKind'),
        status,
        fieldsAsked: fields ? [fields] : c.get('fieldsAsked'),
        ...(fault ? { fault } : {}),
      });
    }
  };
}
