/**
 * /metrics: the server's prom-client registry in Prometheus's text format. It says how many
 * requests and provider calls there were, by operation and provider; no data, but an outline of
 * the traffic that is no business of the public. So it takes its own bearer token
 * (HRGRAPH_METRICS_TOKEN: Prometheus's `authorization` setting sends it), kept apart from the
 * API tokens so a scraper can read no account. Without one it is served only where no API token
 * is asked for either (demo mode, tests); elsewhere it answers 404, saying what turns it on.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import { type PublicRoute, text } from './route-table.js';

export interface MetricsRouteOptions {
  readonly registry: Registry;
  /** The bearer token a scrape must carry; undefined with `open`: none. */
  readonly token?: string;
  /** Serve without a token (no API tokens are asked for either). @default false */
  readonly open?: boolean;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRoute(options: MetricsRouteOptions): PublicRoute {
  const { registry, token, open = false } = options;
  return {
    name: 'metrics',
    // It checks its own token: the API tokens' scope (accounts) means nothing here.
    access: 'public',
    path: '/metrics',
    methods: ['GET'],
    async handle(request) {
      if (token === undefined && !open) {
        return text(404, 'Metrics are off: set HRGRAPH_METRICS_TOKEN to serve them at /metrics.\n');
      }
      if (token !== undefined) {
        const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
        if (given === undefined || !sameSecret(given, token)) {
          return text(
            401,
            'A scrape of /metrics needs HRGRAPH_METRICS_TOKEN as its bearer token.\n',
            {
              'www-authenticate': 'Bearer realm="hrgraph metrics"',
            },
          );
        }
      }
      return text(200, await registry.metrics(), { 'content-type': registry.contentType });
    },
  };
}
