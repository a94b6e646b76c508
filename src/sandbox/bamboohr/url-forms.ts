/**
 * BambooHR's two URL forms (reference §1.1, §9): the legacy gateway
 * `/api/gateway.php/{company}/v1/…` on any host, and `/api/v1/…` on `{company}.bamboohr.com`.
 * For local use the host form also accepts `{company}.localhost[:port]` and `{company}.bamboohr.test`.
 */
import type { RequestInfo } from './core-env.js';

const COMPANY_HOST = /^([a-z0-9][a-z0-9-]*)\.(?:bamboohr\.com|bamboohr\.test|localhost)(?::\d+)?$/i;
const GATEWAY = /^\/api\/gateway\.php\/([^/]+)(\/.*)?$/;

/** The company a Host header names, or null for any other host. */
export function companyFromHost(host: string): string | null {
  return COMPANY_HOST.exec(host)?.[1]?.toLowerCase() ?? null;
}

export function parseUrlForm(url: URL): RequestInfo {
  const gateway = GATEWAY.exec(url.pathname);
  if (gateway) {
    return {
      form: 'gateway',
      domain: decodeURIComponent(gateway[1]!).toLowerCase(),
      path: gateway[2] ?? '/',
    };
  }
  const domain = companyFromHost(url.host);
  if (url.pathname.startsWith('/api/'))
    return { form: 'host', domain, path: url.pathname.slice(4) };
  if (url.pathname === '/authorize.php' || url.pathname === '/token.php') {
    return { form: 'oauth', domain, path: url.pathname };
  }
  return { form: 'other', domain, path: url.pathname };
}

/** The API root (no version) for links, in the form the caller used. */
export function apiBaseUrl(url: URL, info: RequestInfo): string {
  return info.form === 'gateway'
    ? `${url.origin}/api/gateway.php/${info.domain}`
    : `${url.origin}/api`;
}
