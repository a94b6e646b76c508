/**
 * The probes, both public (an orchestrator's probe carries no token, and neither answer holds
 * data): /healthz says the process answers HTTP, at no cost; /readyz says whether it should be
 * sent traffic (observe/readiness.ts): 200 when every check passes, else 503, with a JSON body
 * naming each check's verdict.
 */
import { Response } from '@whatwg-node/server';
import type { Readiness } from '../observe/readiness.js';
import type { PublicRoute } from './route-table.js';

const noStore = { 'cache-control': 'no-store' };

export function healthzRoute(): PublicRoute {
  return {
    name: 'health',
    access: 'public',
    path: '/healthz',
    methods: ['GET', 'HEAD'],
    handle: () => new Response(null, { status: 200, headers: noStore }),
  };
}

export function readyzRoute(readiness: Readiness): PublicRoute {
  return {
    name: 'ready',
    access: 'public',
    path: '/readyz',
    methods: ['GET', 'HEAD'],
    async handle(request) {
      const report = await readiness();
      const body = JSON.stringify({ status: report.ready ? 'ready' : 'not ready', ...report });
      return new Response(request.method === 'HEAD' ? null : body, {
        status: report.ready ? 200 : 503,
        headers: { ...noStore, 'content-type': 'application/json; charset=utf-8' },
      });
    },
  };
}
