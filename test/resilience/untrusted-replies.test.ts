/**
 * Issue 14, "Any reply a provider may send: the right data or a coded error, never invented,
 * never silent". Each reply below is one a provider may send (the sandbox's real answer, forged
 * where no fault gives it); each must end in the data it held or UPSTREAM_BAD_RESPONSE at its
 * path — never an invented employee, never a null without an error, never an id no reply held
 * sent on in a later call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import {
  expectAnotherRecordRefused,
  type ForgeRule,
  forgeReplies,
  nodeAndEmployeeQuery,
} from './forge.js';
import { type Graph, startGraph } from './support.js';

let graph: Graph | undefined;
afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

async function start(rules: readonly ForgeRule[] = []) {
  graph = await startGraph({
    providers: [
      { domain: 'acme', company: { size: 40, seed: 3 }, auth: ['apiKey', 'oauth'] },
      { domain: 'globex', company: { size: 30, seed: 4 } },
    ],
    http: { maxAttempts: 1, backoffBaseMs: 1, maxRetryAfterMs: 10 },
    wrapHttp: forgeReplies(rules),
  });
  return graph;
}

type Rows = { data: { fields?: Record<string, unknown> }[] };
type Page = { data: Record<string, unknown>[]; meta: { page: { nextCursor: string | null } } };
const employeeId = (account: string, id: number) =>
  toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(id) });
/** Paths the sandbox served, for "no invented id was sent on". */
const paths = (g: Graph) =>
  g.sandboxes
    .get('acme')!
    .log.entries()
    .map((entry) => entry.path);

describe('issue 14: a record without its id', () => {
  it('dataset rows without employeeId are UPSTREAM_BAD_RESPONSE, never employees "undefined", and no call names them', async () => {
    const g = await start([
      {
        operation: 'bamboohr.datasetEmployees',
        rewrite(body) {
          const rows = (body as Rows).data;
          delete rows[1]?.fields?.employeeId;
          delete rows[2]?.fields?.employeeId;
          return body;
        },
      },
    ]);
    const result = await g.query<{ employees: unknown }>(/* GraphQL */ `
      {
        employees(account: "acme", first: 5) {
          nodes { remoteId firstName compensations { remoteId } timeOff { remoteId } }
        }
      }
    `);
    expect(result.data?.employees).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['employees'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme' },
    });
    expect(result.errors?.[0]?.message).toContain('a record without a valid id');
    expect(paths(g).some((path) => path.includes('undefined'))).toBe(false);
  });

  it('a list page carrying an id that is not a BambooHR id is UPSTREAM_BAD_RESPONSE, not fields null with no call and no error', async () => {
    const g = await start([
      {
        operation: 'bamboohr.listEmployees',
        rewrite(body) {
          (body as Page).data[0]!.employeeId = 'x-17';
          return body;
        },
      },
    ]);
    // displayName is not on GET /v1/employees: it needs a second call by id.
    const result = await g.query<{ employees: unknown }>(/* GraphQL */ `
      { employees(account: "acme-oauth", first: 3) { nodes { remoteId displayName } } }
    `);
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['employees'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme-oauth' },
    });
  });
});

describe('issue 14: ids sent to a provider are ids it could have issued', () => {
  it('an id no BambooHR account could issue, named in a filter or looked up, is never sent', async () => {
    const g = await start();
    const notAnId = toGlobalId('Employee', {
      accountId: accountId('acme'),
      remoteId: remoteId('x-1'),
    });
    const result = await g.query<{ employees: { nodes: unknown[] }; node: unknown }>(
      /* GraphQL */ `
        query ($ids: [ID!]!, $id: ID!) {
          employees(account: "acme", first: 5, filter: { ids: $ids }) { nodes { remoteId } }
          node(id: $id) { ... on Employee { firstName compensations { remoteId } } }
        }
      `,
      { ids: [notAnId], id: notAnId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ employees: { nodes: [] }, node: null });
    expect(result.upstream.calls).toBe(0);
  });
});

describe('issue 14: the record answered is the record asked for', () => {
  it('Get Employee answering another employee is UPSTREAM_BAD_RESPONSE at the node, not a silent null', async () => {
    const g = await start([
      {
        operation: 'bamboohr.getEmployee',
        rewrite: (body) => ({ ...(body as object), id: '4' }),
      },
    ]);
    const result = await g.query(nodeAndEmployeeQuery, { id: employeeId('acme', 3) });
    expectAnotherRecordRefused(result, { accountId: 'acme', operation: 'bamboohr.getEmployee' });
  });
});

describe('issue 14: cursors that move', () => {
  it('a short page whose cursor does not advance is UPSTREAM_BAD_RESPONSE, never the same people twice', async () => {
    let first: Page | undefined;
    const g = await start([
      {
        operation: 'bamboohr.listEmployees',
        rewrite(body, request) {
          // The first page comes back short; asked for the rest, the provider answers it again.
          if (!request.url.includes('page%5Bafter%5D')) {
            first = body as Page;
            first.data = first.data.slice(0, 5);
          }
          return first;
        },
      },
    ]);
    const result = await g.query<{ employees: { nodes: { remoteId: string }[] } | null }>(
      /* GraphQL */ `{ employees(account: "acme-oauth", first: 10) { nodes { remoteId } } }`,
    );
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['employees'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme-oauth' },
    });
  });
});

describe('issue 14: requests the spec refuses', () => {
  it('the custom report is asked for with format=json, the spec’s lowercase enum', async () => {
    const g = await start();
    const result = await g.query(/* GraphQL */ `
      { employees(account: "acme-oauth", first: 3) { nodes { displayName } } }
    `);
    expect(result.errors).toBeUndefined();
    const reports = g.sandboxes
      .get('acme')!
      .log.entries()
      .filter((entry) => entry.path === '/v1/reports/custom');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.query.format).toBe('json');
  });
});

describe('issue 14: accounting', () => {
  it('a metadata call made beside a failing list call is still in extensions.upstream', async () => {
    const g = await start();
    const faults = g.sandboxes.get('acme')!.faults;
    // The list fails at once; the org lists read beside it answers later.
    faults.enqueue({ kind: 'malformed' }, { path: '/v2/datasets/employee/data' });
    faults.enqueue({ kind: 'latency', ms: 300 }, { path: '/v1/meta/lists' });
    const result = await g.query(/* GraphQL */ `
      { employees(account: "acme", first: 3) { nodes { department { name } } } }
    `);
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(result.upstream.entries.map((e) => e.operation).sort()).toEqual([
      'bamboohr.datasetEmployees',
      'bamboohr.metaLists',
    ]);
  });
});

describe('issue 14: one account’s outage erases no other account’s data', () => {
  it('nodes(ids: [a, b]) with b’s account answering 503 returns a, and an error at b only', async () => {
    const g = await start();
    g.sandboxes.get('globex')!.faults.configure({ rates: [{ rate: 1, fault: { kind: '503' } }] });
    const result = await g.query<{ nodes: ({ firstName: string } | null)[] }>(
      /* GraphQL */ `
        query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { firstName } } }
      `,
      { ids: [employeeId('acme', 1), employeeId('globex', 1)] },
    );
    const acme = g.sandboxes.get('acme')!.company.data;
    expect(result.data?.nodes).toEqual([{ firstName: acme.person(1)!.firstName }, null]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['nodes', 1],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', accountId: 'globex' },
    });
  });

  it('so do _entities: one representation per account, the healthy one resolves', async () => {
    const g = await start();
    g.sandboxes.get('globex')!.faults.configure({ rates: [{ rate: 1, fault: { kind: '503' } }] });
    const result = await g.query<{ _entities: ({ firstName: string } | null)[] }>(
      /* GraphQL */ `
        query ($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { firstName } } }
      `,
      {
        r: [
          { __typename: 'Employee', id: employeeId('acme', 2) },
          { __typename: 'Employee', id: employeeId('globex', 2) },
        ],
      },
    );
    const acme = g.sandboxes.get('acme')!.company.data;
    expect(result.data?._entities).toEqual([{ firstName: acme.person(2)!.firstName }, null]);
    expect(result.errors?.map((e) => e.path)).toEqual([['_entities', 1]]);
  });
});
