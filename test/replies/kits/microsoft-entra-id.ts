/**
 * Entra ID's kit: one tenant signing in with a client secret (the token endpoint is the identity
 * platform's, outside Graph's spec, so the kit's http answers it: every Graph call is still the
 * agent's), what each request asks for (ids in the path or in `id eq`/`id in (…)` terms,
 * properties in `$select`, the manager by `$expand`; a `$batch` asks what its inner requests
 * ask), the users each reply holds as Graph's spec describes them (a collection's `value`, a
 * batch's 200 responses), and queries that reach every read hrgraph makes of Graph.
 */

import { accountId } from '../../../src/core/ids.js';
import type { HttpClient, UpstreamResponse } from '../../../src/http/index.js';
import { createEntraAdapter } from '../../../src/providers/microsoft-entra-id/index.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import { openApiReplies } from '../support/spec-replies.js';
import { entraQueries, REPLY_IDS } from './microsoft-entra-id-queries.js';

type GraphObject = Record<string, unknown>;
const isObject = (value: unknown): value is GraphObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys a request's `$select` and `$expand` ask for (`onPremisesExtensionAttributes/…` by their parent). */
function keysOf(url: URL): string[] {
  const select = (url.searchParams.get('$select') ?? '').split(',').filter((k) => k !== '');
  return url.searchParams.get('$expand')?.startsWith('manager') ? [...select, 'manager'] : select;
}

/** Quoted values of `id eq '…'` and `id in ('…', …)` terms. */
function termIds(filter: string | null): string[] {
  if (filter === null) return [];
  const ids: string[] = [];
  for (const m of filter.matchAll(/\bid eq '((?:[^']|'')*)'/g)) ids.push(m[1]!.replace(/''/g, "'"));
  for (const m of filter.matchAll(/\bid in \(([^)]*)\)/g)) {
    for (const v of m[1]!.matchAll(/'((?:[^']|'')*)'/g)) ids.push(v[1]!.replace(/''/g, "'"));
  }
  return ids;
}

/** The inner requests of a `$batch` body, by id, as URLs. */
function innerRequests(body: unknown): Map<string, URL> {
  const requests = isObject(body) && Array.isArray(body.requests) ? body.requests : [];
  const out = new Map<string, URL>();
  for (const r of requests) {
    if (isObject(r) && typeof r.id === 'string' && typeof r.url === 'string') {
      out.set(r.id, new URL(`http://inner${r.url}`));
    }
  }
  return out;
}

function askedBy(url: URL) {
  const byPath = /^\/users\/([^/]+)$/.exec(url.pathname)?.[1];
  return {
    ids: [
      ...(byPath ? [decodeURIComponent(byPath)] : []),
      ...termIds(url.searchParams.get('$filter')),
    ],
    keys: keysOf(url),
  };
}

function asked(request: SentRequest) {
  if (request.operation.key === 'POST /$batch') {
    const all = [...innerRequests(request.body).values()].map(askedBy);
    return {
      ids: [...new Set(all.flatMap((a) => a.ids))],
      keys: [...new Set(all.flatMap((a) => a.keys))],
    };
  }
  const url = new URL(request.url.href.replace('/v1.0/', '/'));
  return askedBy(url);
}

/** One user as the spec has it: its properties by name, the expanded manager's id under `manager`. */
function userRecord(user: GraphObject, keys: readonly string[]): HeldRecord {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(user)) {
    if (!key.startsWith('@odata.') && key !== 'manager') values.set(key, value);
  }
  for (const key of keys) {
    if (key === 'manager')
      values.set(key, isObject(user.manager) ? (user.manager.id ?? user.manager) : null);
    else if (!values.has(key)) values.set(key, null);
  }
  return { id: String(user.id), values };
}

const usersOf = (body: unknown, keys: readonly string[]): HeldRecord[] =>
  (isObject(body) && Array.isArray(body.value) ? body.value : [])
    .filter((u): u is GraphObject => isObject(u) && typeof u.id === 'string')
    .map((u) => userRecord(u, keys));

function records(exchange: Exchange): HeldRecord[] {
  const { reply } = exchange;
  switch (exchange.operation.key) {
    case 'GET /users':
      return usersOf(reply, keysOf(exchange.url));
    case 'POST /$batch': {
      const inner = innerRequests(exchange.body);
      const responses = isObject(reply) && Array.isArray(reply.responses) ? reply.responses : [];
      return responses.flatMap((r) => {
        if (!isObject(r) || r.status !== 200 || typeof r.id !== 'string') return [];
        const url = inner.get(r.id);
        if (!url) return [];
        if (url.pathname === '/users') return usersOf(r.body, keysOf(url));
        return isObject(r.body) && typeof r.body.id === 'string'
          ? [userRecord(r.body, keysOf(url))]
          : [];
      });
    }
    default:
      return [];
  }
}

/**
 * The kit's token: the adapter's one call outside Graph (`entra.token`) is answered here, so the
 * agent sees Graph's calls only.
 */
function withToken(http: HttpClient): HttpClient {
  const token: UpstreamResponse = {
    status: 200,
    headers: {},
    text: '{"token_type":"Bearer","expires_in":3599,"access_token":"replies-token"}',
    json: <T>() => JSON.parse(token.text) as T,
  };
  return {
    request: (req, ctx) =>
      req.operation === 'entra.token' ? Promise.resolve(token) : http.request(req, ctx),
    close: () => http.close(),
  };
}

const places = ['Sales', 'Engineering'];

export const microsoftEntraIdKit: ReplyKit = {
  provider: 'microsoft-entra-id',
  spec: () => openApiReplies('microsoft-entra-id', { basePath: '/v1.0' }),
  adapters: (http) => [
    createEntraAdapter({
      accountId: accountId('entra'),
      tenant: 'acme.onmicrosoft.com',
      baseUrl: 'http://entra.localhost',
      credentials: {
        kind: 'clientSecret',
        clientId: REPLY_IDS[0]!,
        clientSecret: 'replies-secret',
      },
      http: withToken(http),
      // An inner 429 is retried after its Retry-After: taken at its word, not waited out here.
      sleep: async () => {},
    }),
  ],
  asked,
  idNames: ['id'],
  // What hrgraph reads sits at most five levels down (a user's employeeOrgData.division, an
  // expanded manager's id); Graph's user nests far deeper complex types it never reads.
  maxDepth: 5,
  // Each case costs about half a second of CPU (three pages of Graph users, unprofiled): 20 per
  // query keeps CI bounded; `npm run replies -- --provider microsoft-entra-id` runs more.
  runs: 20,
  favoured: {
    id: REPLY_IDS,
    displayName: places,
    department: places,
    division: places,
    employeeType: ['Employee', 'Contractor', 'Intern'],
    employeeHireDate: ['2019-03-18T00:00:00Z'],
    employeeLeaveDateTime: ['2026-01-31T00:00:00Z'],
    mail: ['ann@example.com'],
    jobTitle: ['Engineer'],
  },
  records,
  queries: entraQueries,
};
