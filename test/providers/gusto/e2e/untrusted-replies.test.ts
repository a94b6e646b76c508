/**
 * Issue 14 for Gusto: a reply outside what the read accepts is UPSTREAM_BAD_RESPONSE at its
 * path, never an invented record, a silently dropped one, or a null without an error. Replies
 * are forged over the sandbox's real ones, between the adapter and the http client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import type { HttpClient, UpstreamHeaders } from '../../../../src/http/index.js';
import { gustoEmployeeUuid } from '../../../../src/sandbox/gusto/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { type ForgeRule, forgeReplies } from '../../../resilience/forge.js';
import { type GustoFixture, startGusto } from '../../../support/gusto.js';

type Json = Record<string, unknown>;

/** The forgeries of the running test; each test sets its own. */
const bodies: ForgeRule[] = [];
let headers: ((operation: string, headers: UpstreamHeaders) => UpstreamHeaders) | null = null;

/** Rewrites the headers of 2xx replies, where forge.ts rewrites bodies. */
function forgingHeaders(http: HttpClient): HttpClient {
  return {
    async request(request, ctx) {
      const response = await http.request(request, ctx);
      if (!headers || response.status >= 300) return response;
      return { ...response, headers: headers(request.operation, response.headers) };
    },
    close: () => http.close(),
  };
}

let gusto: GustoFixture;
beforeAll(async () => {
  gusto = await startGusto({
    company: { seed: 17, size: 60, customFieldCount: 0 },
    wrapHttp: (http) => forgeReplies(bodies)(forgingHeaders(http)),
  });
});
afterAll(() => gusto.close());
beforeEach(() => {
  bodies.length = 0;
  headers = null;
});

const employeeId = (person: number) =>
  toGlobalId('Employee', {
    accountId: accountId('gusto'),
    remoteId: remoteId(gustoEmployeeUuid(person)),
  });

const sentInAnyCall = (text: string) =>
  gusto.sandbox.log.entries().some((entry) => JSON.stringify(entry).includes(text));

describe('Gusto, issue 14: records without their uuid', () => {
  it('a list row without its uuid is UPSTREAM_BAD_RESPONSE, never an employee "undefined", and no later call names it', async () => {
    bodies.push({
      operation: 'gusto.employees.list',
      rewrite: (body) =>
        (body as Json[]).map((row, i) => (i === 2 ? { ...row, uuid: undefined } : row)),
    });
    const result = await gusto.query(
      /* GraphQL */ `{ employees(account: "gusto", first: 5) { nodes { remoteId manager { displayName } } } }`,
    );
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['employees'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'gusto' },
    });
    expect(sentInAnyCall('undefined')).toBe(false);
  });

  it('a time-off policy member without its uuid fails the balances, never a balance of nobody or a silent []', async () => {
    bodies.push({
      operation: 'gusto.timeOffPolicies',
      rewrite: (body) =>
        (body as Json[]).map((policy, i) =>
          i === 0
            ? { ...policy, employees: [{ balance: '8.0' }, ...(policy.employees as Json[])] }
            : policy,
        ),
    });
    const result = await gusto.query(
      /* GraphQL */ `{ employees(account: "gusto", first: 3) { nodes { remoteId timeOffBalances { balance } } } }`,
    );
    const nodes = (result.data as { employees: { nodes: { timeOffBalances: unknown }[] } })
      .employees.nodes;
    expect(nodes.map((n) => n.timeOffBalances)).toEqual([null, null, null]);
    expect(result.errors?.map((e) => e.path)).toEqual(
      [0, 1, 2].map((i) => ['employees', 'nodes', i, 'timeOffBalances']),
    );
    for (const error of result.errors ?? []) {
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_BAD_RESPONSE',
        operation: 'gusto.timeOffPolicies',
      });
    }
  });
});

describe('Gusto, issue 14: the record answered is the record asked for', () => {
  it('a uuids read answering another employee is UPSTREAM_BAD_RESPONSE at the node, not a silent null', async () => {
    bodies.push({
      operation: 'gusto.employees.byUuids',
      rewrite: (body) => (body as Json[]).map((row) => ({ ...row, uuid: gustoEmployeeUuid(9) })),
    });
    const result = await gusto.query(
      /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Employee { firstName } } }`,
      { id: employeeId(3) },
    );
    expect(result.data).toEqual({ node: null });
    expect(result.errors?.[0]).toMatchObject({
      path: ['node'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', operation: 'gusto.employees.byUuids' },
    });
  });
});

describe('Gusto, issue 14: pages as asked', () => {
  it('a page longer than the per asked is UPSTREAM_BAD_RESPONSE, not trimmed into a page', async () => {
    bodies.push({
      operation: 'gusto.employees.list',
      rewrite: (body) => [...(body as Json[]), ...(body as Json[]).slice(0, 1)],
    });
    const result = await gusto.query(
      /* GraphQL */ `{ employees(account: "gusto", first: 5) { nodes { remoteId } } }`,
    );
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      operation: 'gusto.employees.list',
    });
  });

  it.each(['-3', 'many', '12.5'])(
    'an X-Total-Count of %j is UPSTREAM_BAD_RESPONSE, not a total',
    async (count) => {
      headers = (operation, sent) =>
        operation === 'gusto.employees.list' ? { ...sent, 'x-total-count': count } : sent;
      const result = await gusto.query(
        /* GraphQL */ `{ employees(account: "gusto", first: 5) { totalCount nodes { remoteId } } }`,
      );
      expect(result.data?.employees).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    },
  );

  it('an X-Total-Count below what the walk returned is UPSTREAM_BAD_RESPONSE', async () => {
    headers = (operation, sent) =>
      operation === 'gusto.employees.list' ? { ...sent, 'x-total-count': '2' } : sent;
    const result = await gusto.query(
      /* GraphQL */ `{ employees(account: "gusto", first: 5) { totalCount nodes { remoteId } } }`,
    );
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});
