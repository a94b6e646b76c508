/**
 * What the spec-generated replies suite found beyond issue 14's list, each pinned by a reply the
 * spec allows (the sandbox's real answer, forged where it never sends it): the right data or a
 * coded error at the path, never a crash (INTERNAL_SERVER_ERROR), never a value made up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { type ForgeRule, forgeReplies } from '../resilience/forge.js';
import { type Graph, startGraph } from '../resilience/support.js';

let graph: Graph | undefined;
afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

async function start(rules: readonly ForgeRule[]) {
  graph = await startGraph({
    providers: [{ domain: 'acme', company: { size: 12, seed: 3 }, auth: ['apiKey', 'oauth'] }],
    http: { maxAttempts: 1, backoffBaseMs: 1, maxRetryAfterMs: 10 },
    wrapHttp: forgeReplies(rules),
  });
  return graph;
}

const employee = (id: number) =>
  toGlobalId('Employee', { accountId: accountId('acme'), remoteId: remoteId(id) });

type Lists = { alias?: string; options?: { id?: unknown; name?: unknown }[] }[];

describe('BambooHR /meta/lists: options the spec allows without an id or a name', () => {
  it('a list option without a name or an id is left out, never a crash or a group "undefined"', async () => {
    const g = await start([
      {
        operation: 'bamboohr.metaLists',
        rewrite(body) {
          const lists = body as Lists;
          const departments = lists.find((l) => l.alias === 'department')!.options!;
          delete departments[0]!.name;
          delete departments[1]!.id;
          return lists;
        },
      },
    ]);
    const result = await g.query<{
      account: { groups: { nodes: { remoteId: string; name: string }[] } };
    }>(/* GraphQL */ `{ account(id: "acme") { groups(first: 100) { nodes { remoteId name } } } }`);
    expect(result.errors).toBeUndefined();
    const groups = result.data?.account.groups.nodes ?? [];
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.some((group) => group.remoteId.includes('undefined'))).toBe(false);
    expect(groups.every((group) => typeof group.name === 'string')).toBe(true);
  });
});

describe('a provider value its GraphQL scalar cannot show', () => {
  it('an e-mail address that is not one is null with UPSTREAM_BAD_RESPONSE at its field, naming the type and not the value', async () => {
    const g = await start([
      {
        operation: 'bamboohr.getEmployee',
        rewrite: (body) => ({ ...(body as object), homeEmail: "r$(~'" }),
      },
    ]);
    const result = await g.query<{ node: { firstName: string; personalEmail: null } }>(
      /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Employee { firstName personalEmail } } }`,
      { id: employee(3) },
    );
    expect(result.data?.node.personalEmail).toBeNull();
    expect(typeof result.data?.node.firstName).toBe('string');
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['node', 'personalEmail'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', scalar: 'EmailAddress' },
    });
    expect(result.errors?.[0]?.message).not.toContain('r$(~');
  });
});

type Balances = { balance?: unknown; usedYearToDate?: unknown }[];
const balancesQuery = /* GraphQL */ `
  query ($id: ID!) { employee(id: $id) { remoteId timeOffBalances { balance used } } }
`;

describe('BambooHR balances: amounts are numbers the calculator sent', () => {
  it('a balance that is not a number is UPSTREAM_BAD_RESPONSE at timeOffBalances, never a crash', async () => {
    const g = await start([
      {
        operation: 'bamboohr.timeOffBalance',
        rewrite(body) {
          (body as Balances)[0]!.balance = 'm6Wrv2HdU7';
          return body;
        },
      },
    ]);
    const result = await g.query<{ employee: { timeOffBalances: unknown } }>(balancesQuery, {
      id: employee(3),
    });
    expect(result.data?.employee.timeOffBalances).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['employee', 'timeOffBalances'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme' },
    });
  });

  it('a balance without usedYearToDate shows used as null (not reported), never a made-up 0', async () => {
    const g = await start([
      {
        operation: 'bamboohr.timeOffBalance',
        rewrite(body) {
          for (const row of body as Balances) delete row.usedYearToDate;
          return body;
        },
      },
    ]);
    const result = await g.query<{ employee: { timeOffBalances: { used: number | null }[] } }>(
      balancesQuery,
      { id: employee(3) },
    );
    expect(result.errors).toBeUndefined();
    const balances = result.data?.employee.timeOffBalances ?? [];
    expect(balances.length).toBeGreaterThan(0);
    expect(balances.every((b) => b.used === null)).toBe(true);
  });

  it.each([
    ['no units', undefined],
    ['units that are neither hours nor days', 'weeks'],
  ])(
    'a balance with %s is UPSTREAM_BAD_RESPONSE at timeOffBalances, never taken for hours',
    async (_what, units) => {
      const g = await start([
        {
          operation: 'bamboohr.timeOffBalance',
          rewrite(body) {
            (body as { units?: unknown }[])[0]!.units = units;
            return body;
          },
        },
      ]);
      const result = await g.query<{ employee: { timeOffBalances: unknown } }>(balancesQuery, {
        id: employee(3),
      });
      expect(result.data?.employee.timeOffBalances).toBeNull();
      expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
        ['employee.timeOffBalances', 'UPSTREAM_BAD_RESPONSE'],
      ]);
    },
  );
});

describe('BambooHR time-off requests: the amount and its unit are what BambooHR sent', () => {
  const timeOffQuery = /* GraphQL */ `
    { employees(account: "acme", first: 12) { nodes { timeOff(start: "2020-01-01", end: "2030-12-31") { amount unit } } } }
  `;
  type Requests = { amount?: { amount?: unknown; unit?: unknown } }[];

  it.each([
    ['without an amount', (row: Requests[number]) => delete row.amount],
    ['without a unit', (row: Requests[number]) => delete row.amount?.unit],
  ])(
    'a request %s is UPSTREAM_BAD_RESPONSE at timeOff, never a made-up 0 hours',
    async (_what, edit) => {
      const g = await start([
        {
          operation: 'bamboohr.timeOffRequests',
          rewrite(body) {
            const rows = body as Requests;
            expect(rows.length).toBeGreaterThan(0);
            edit(rows[0]!);
            return body;
          },
        },
      ]);
      const result = await g.query<{ employees: { nodes: { timeOff: unknown }[] } }>(timeOffQuery);
      const codes = (result.errors ?? []).map((e) => e.extensions?.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['UPSTREAM_BAD_RESPONSE']));
      expect((result.errors ?? []).every((e) => /timeOff$/.test(e.path?.join('.') ?? ''))).toBe(
        true,
      );
      const nulls = result.data?.employees.nodes.filter((n) => n.timeOff === null) ?? [];
      expect(nulls).toHaveLength(codes.length);
    },
  );
});

type Report = { employees: { id?: unknown }[] };

describe('the loaders: a read by id leaving out someone a reply of the request showed', () => {
  it('an employee the page listed and the read by id left out is UPSTREAM_BAD_RESPONSE at their fields, never nulls without an error', async () => {
    const g = await start([
      {
        operation: 'bamboohr.customReport',
        rewrite(body) {
          (body as Report).employees.shift();
          return body;
        },
      },
    ]);
    // displayName is not on GET /v1/employees: the page's people are read again by id.
    const result = await g.query<{ employees: { nodes: { displayName: string | null }[] } }>(
      /* GraphQL */ `{ employees(account: "acme-oauth", first: 3) { nodes { remoteId displayName } } }`,
    );
    const nodes = result.data?.employees.nodes ?? [];
    expect(nodes).toHaveLength(3);
    expect(nodes[0]?.displayName).toBeNull();
    expect(nodes.slice(1).every((node) => typeof node.displayName === 'string')).toBe(true);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['employees', 'nodes', 0, 'displayName'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme-oauth' },
    });
  });
});

type EndpointPage = { meta: { total?: unknown } };
type DatasetPage = { meta: { totalItems?: unknown } };
const pageQuery = (account: string) => /* GraphQL */ `
  { employees(account: "${account}", first: 5) { totalCount pageInfo { hasNextPage } nodes { remoteId } } }
`;

describe('pages: totals', () => {
  it('a total no GraphQL Int can show is UPSTREAM_BAD_RESPONSE, never a crash', async () => {
    const g = await start([
      {
        operation: 'bamboohr.listEmployees',
        rewrite(body) {
          (body as EndpointPage).meta.total = 2 ** 40;
          return body;
        },
      },
    ]);
    const result = await g.query<{ employees: unknown }>(pageQuery('acme-oauth'));
    expect(result.data?.employees).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['employees'],
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', accountId: 'acme-oauth' },
    });
  });

  it('a dataset page without meta.totalItems (the spec makes it optional) pages on, with totalCount null, never a walk ended at 0', async () => {
    const g = await start([
      {
        operation: 'bamboohr.datasetEmployees',
        rewrite(body) {
          delete (body as DatasetPage).meta.totalItems;
          return body;
        },
      },
    ]);
    const result = await g.query<{
      employees: {
        totalCount: number | null;
        pageInfo: { hasNextPage: boolean };
        nodes: unknown[];
      };
    }>(pageQuery('acme'));
    expect(result.errors).toBeUndefined();
    expect(result.data?.employees).toMatchObject({
      totalCount: null,
      pageInfo: { hasNextPage: true },
    });
    expect(result.data?.employees.nodes).toHaveLength(5);
  });
});

describe('BambooHR values: text is text, a reference is an id', () => {
  it('an object where text belongs is UPSTREAM_BAD_RESPONSE at the field, never "[object Object]"', async () => {
    const g = await start([
      {
        operation: 'bamboohr.getEmployee',
        rewrite: (body) => ({ ...(body as object), jobTitle: { name: 'x' } }),
      },
    ]);
    const result = await g.query<{ node: { firstName: string; jobTitle: string | null } }>(
      /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Employee { firstName jobTitle } } }`,
      { id: employee(3) },
    );
    expect(result.data?.node.jobTitle).toBeNull();
    expect(typeof result.data?.node.firstName).toBe('string');
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['node', 'jobTitle'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
  });

  it('a manager id BambooHR could not have issued is UPSTREAM_BAD_RESPONSE at manager, never an employee made of it', async () => {
    const g = await start([
      {
        operation: 'bamboohr.getEmployee',
        rewrite: (body) => ({ ...(body as object), supervisorEId: 'x-9' }),
      },
    ]);
    const result = await g.query<{ node: { manager: unknown } }>(
      /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Employee { manager { remoteId } } } }`,
      { id: employee(3) },
    );
    expect(result.data?.node.manager).toBeNull();
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['node', 'manager'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
    expect(paths(g).some((path) => path.includes('x-9'))).toBe(false);
  });
});

/** Paths the sandbox served, for "no invented id was sent on". */
const paths = (g: Graph) =>
  g.sandboxes
    .get('acme')!
    .log.entries()
    .map((entry) => entry.path);
