/** The core's request pipeline: observe (log), resolve the company, inject faults, authenticate. */
import type { Context, MiddlewareHandler } from 'hono';
import { queryRecord, type RequestLog } from '../common/request-log.js';
import type { CoreEnv } from './core-env.js';
import type { Clock, CompanyCache, SandboxCompany, SpecSwitches } from './env.js';
import type { FieldCatalog } from './fields.js';
import { legacyError } from './respond.js';
import { apiBaseUrl, parseUrlForm } from './url-forms.js';

/** What the core keeps per company beside the contract's SandboxCompany. */
export interface CompanyRuntime {
  readonly company: SandboxCompany;
  readonly fields: FieldCatalog;
  readonly cache: CompanyCache;
}

/** Outermost: records every request, including those a fault or an error ended. */
export function observe(log: RequestLog): MiddlewareHandler<CoreEnv> {
  return async function logRequest(c, next) {
    const url = new URL(c.req.url);
    c.set('requestInfo', parseUrlForm(url));
    c.set('authKind', 'none');
    c.set('fault', null);
    c.set('fieldsAsked', []);
    let status = 0;
    try {
      await next();
      status = c.get('sentStatus') ?? c.res.status;
    } finally {
      // Unset when the company was unknown or the path names none.
      const company = c.get('company') as SandboxCompany | undefined;
      const fault = c.get('fault');
      log.record({
        method: c.req.method,
        path: c.get('requestInfo').path,
        query: queryRecord(url.searchParams),
        company: company?.domain ?? null,
        auth: c.get('authKind'),
        status,
        fieldsAsked: c.get('fieldsAsked'),
        ...(fault ? { fault } : {}),
      });
    }
  };
}

export interface ResolveDeps {
  companies: ReadonlyMap<string, CompanyRuntime>;
  switches: SpecSwitches;
  clock: Clock;
}

/** Sets the company and its helpers on the context; an unknown company is a 404 as upstream. */
export function resolveCompany(deps: ResolveDeps): MiddlewareHandler<CoreEnv> {
  return async function withCompany(c: Context<CoreEnv>, next) {
    const info = c.get('requestInfo');
    c.set('switches', deps.switches);
    c.set('clock', deps.clock);
    if (info.form === 'other') return next();
    const runtime = info.domain === null ? undefined : deps.companies.get(info.domain);
    if (!runtime) return legacyError(c, 404, 'Company not found');
    c.set('company', runtime.company);
    c.set('fields', runtime.fields);
    c.set('cache', runtime.cache);
    c.set('baseUrl', apiBaseUrl(new URL(c.req.url), info));
    await next();
  };
}
