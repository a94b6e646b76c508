/**
 * `POST /v1.0/$batch` (JSON batching): up to 20 requests, each `{id, method, url}` with a URL
 * relative to the version root; the batch is 200 when it parses and each response carries its own
 * status, headers and body, so one inner request can be throttled (429 + Retry-After) while the
 * others succeed. Inner requests run through the same routes with the batch's token; they are
 * one HTTP request, so only the batch itself enters the request log (inner ones go to their own).
 */
import type { Context, Hono } from 'hono';
import type { EntraEnv } from '../env.js';
import { graphError } from '../respond.js';

export const MAX_BATCH_REQUESTS = 20;

export interface BatchDeps {
  /** Runs one inner request through the sandbox as the batch's caller. */
  dispatch(request: Request): Promise<Response>;
}

interface InnerRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
}

const isInner = (value: unknown): value is InnerRequest => {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.id === 'string' &&
    r.id !== '' &&
    typeof r.method === 'string' &&
    typeof r.url === 'string' &&
    (r.headers === undefined || (typeof r.headers === 'object' && r.headers !== null))
  );
};

async function runInner(c: Context<EntraEnv>, deps: BatchDeps, inner: InnerRequest) {
  if (inner.method.toUpperCase() !== 'GET') {
    return {
      id: inner.id,
      status: 405,
      headers: {},
      body: { error: { code: 'Request_BadRequest', message: 'The sandbox batches reads only.' } },
    };
  }
  const origin = new URL(c.req.url).origin;
  const path = inner.url.startsWith('/') ? inner.url : `/${inner.url}`;
  const headers = new Headers(inner.headers ?? {});
  headers.set('authorization', c.req.header('authorization') ?? '');
  const response = await deps.dispatch(new Request(`${origin}/v1.0${path}`, { headers }));
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (key === 'content-type' || key === 'retry-after')
      out[key === 'content-type' ? 'Content-Type' : 'Retry-After'] = value;
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  return { id: inner.id, status: response.status, headers: out, body };
}

export function registerBatchRoute(app: Hono<EntraEnv>, deps: BatchDeps): void {
  app.post('/v1.0/:batch{\\$batch}', async function batch(c) {
    let parsed: unknown;
    try {
      parsed = await c.req.json();
    } catch {
      return graphError(c, 400, 'BadRequest', 'Invalid batch payload format.');
    }
    const requests = (parsed as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0 || !requests.every(isInner)) {
      return graphError(c, 400, 'BadRequest', 'Invalid batch payload format.');
    }
    if (requests.length > MAX_BATCH_REQUESTS) {
      return graphError(
        c,
        400,
        'BadRequest',
        `The number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
      );
    }
    const ids = new Set(requests.map((r) => r.id));
    if (ids.size !== requests.length) {
      return graphError(c, 400, 'BadRequest', 'Batch request ids must be unique.');
    }
    const responses = await Promise.all(requests.map((inner) => runInner(c, deps, inner)));
    // Graph returns responses in any order; the sandbox returns them reversed so clients that
    // rely on order fail here first.
    return c.json({ responses: responses.reverse() });
  });
}
