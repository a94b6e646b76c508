/**
 * Issue 17: "its exact call counts are tested against the minimum the test computes, and a
 * 2,000-person walk sees everyone once". Calls are counted in the sandbox's request log (token
 * requests apart); each minimum comes from the company and Personio's published limits: the v1
 * list carries every attribute, 100 a call; one employee a call by id; employments one person a
 * call (v2); time-offs 50 employees and 200 periods a call; balances one employee a call; the
 * org lookup (departments, offices, the list's length) reads the list 100 at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, providerName, remoteId } from '../../../../src/core/ids.js';
import type { Person, SyntheticCompany } from '../../../../src/sandbox/company/types.js';
import {
  createPersonioSandbox,
  type PersonioSandbox,
} from '../../../../src/sandbox/personio/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { type ContractGraph, startContractGraph } from '../../../contract/graph.js';

const LIST_LIMIT = 100;
const TIME_OFF_EMPLOYEES = 50;
const TIME_OFF_PERIODS = 200;

interface Started {
  sandbox: PersonioSandbox;
  graph: ContractGraph;
  close(): Promise<void>;
}

async function start(size: number, seed: number): Promise<Started> {
  const sandbox = createPersonioSandbox({
    company: { seed, size, customFieldCount: 0 },
    rateLimits: false,
  });
  const running = await sandbox.listen();
  const [credential] = sandbox.credentials;
  const graph = startContractGraph([
    {
      id: accountId('personio'),
      provider: providerName('personio'),
      company: 'acme',
      baseUrl: running.url,
      credentials: {
        kind: 'clientSecret',
        clientId: credential!.clientId,
        clientSecret: credential!.clientSecret,
      },
    },
  ]);
  async function close() {
    await graph.close();
    await running.close();
  }
  return { sandbox, graph, close };
}

/** Data calls of one query (token requests apart), from the sandbox's own log. */
async function counted<T>(started: Started, run: () => Promise<T>) {
  started.sandbox.log.clear();
  const result = await run();
  const entries = started.sandbox.log.entries().filter((e) => !/\/auth(\/token)?$/.test(e.path));
  return { result, calls: entries.length, paths: entries.map((e) => e.path) };
}

const managerOf = (company: SyntheticCompany, person: Person) =>
  company.currentJob(person).managerId;
/** The page's people's managers who are not on it: each is one read by id. */
function managersOffPage(company: SyntheticCompany, page: readonly Person[]): Set<number> {
  const onPage = new Set(page.map((p) => p.id));
  const managers = page.map((p) => managerOf(company, p));
  return new Set(managers.filter((m): m is number => m !== null && !onPage.has(m)));
}

const ceil = (n: number, per: number) => Math.ceil(n / per);
const global = (id: number) =>
  toGlobalId('Employee', { accountId: accountId('personio'), remoteId: remoteId(String(id)) });

describe('Personio: exact call counts against a 250-person company', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start(250, 31);
  });
  afterAll(() => started.close());

  it('a cold page of 25 with departments and managers: the org lookup, the page, one read per manager off the page', async () => {
    const { company } = started.sandbox;
    const page = company.people.slice(0, 25);
    const off = managersOffPage(company, page);
    const { result, calls } = await counted(started, () =>
      started.graph.query<{ employees: { nodes: { remoteId: string }[] } }>(/* GraphQL */ `{
        employees(account: "personio", first: 25) {
          nodes { remoteId jobTitle department { name } manager { displayName jobTitle } }
        }
      }`),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(
      page.map((p) => String(p.id)),
    );
    expect(calls).toBe(ceil(company.people.length, LIST_LIMIT) + 1 + off.size);
  });

  it('warm: the same page again costs the page and the managers off it, nothing for the org', async () => {
    const { company } = started.sandbox;
    const page = company.people.slice(0, 25);
    const off = managersOffPage(company, page);
    const { calls } = await counted(started, () =>
      started.graph.query(/* GraphQL */ `{
        employees(account: "personio", first: 25) {
          nodes { remoteId department { name } location { name } manager { displayName } }
        }
      }`),
    );
    expect(calls).toBe(1 + off.size);
  });

  it('nodes(ids:) of 7 people: 7 reads (one employee a call, every attribute)', async () => {
    const ids = [3, 9, 27, 81, 100, 150, 249];
    const { result, calls } = await counted(started, () =>
      started.graph.query<{ nodes: { displayName: string }[] }>(
        /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { displayName jobTitle } } }`,
        { ids: ids.map(global) },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.every((n) => n.displayName)).toBe(true);
    expect(calls).toBe(ids.length);
  });

  it("a page of 5's pay, job history, time off and balances: pay, employments and balances one call a person; time off one call for 50 people", async () => {
    const { company } = started.sandbox;
    const page = company.people.slice(0, 5);
    const periods = page.flatMap((p) =>
      p.timeOffRequests.filter(
        (r) => r.status !== 'superceded' && r.end >= '2026-01-01' && r.start <= '2026-12-31',
      ),
    );
    // The org lookup (which employments' departments and offices are checked against) is warm.
    await started.graph.query(
      /* GraphQL */ `{ account(id: "personio") { groups(first: 1) { totalCount } } }`,
    );
    const timeOffCalls =
      ceil(page.length, TIME_OFF_EMPLOYEES) * Math.max(1, ceil(periods.length, TIME_OFF_PERIODS));
    const { result, calls, paths } = await counted(started, () =>
      started.graph.query<{
        employees: { nodes: { employments: unknown[]; compensations: unknown[] }[] };
      }>(/* GraphQL */ `{
        employees(account: "personio", first: 5) {
          nodes {
            remoteId
            compensations { pay { amount currency } payPeriod }
            employments { effectiveDate jobTitle }
            timeOff(start: "2026-01-01", end: "2026-12-31") { startDate amount unit }
            timeOffBalances { balance unit }
          }
        }
      }`),
    );
    expect(result.errors).toBeUndefined();
    expect(paths.filter((path) => path === '/v1/company/time-offs')).toHaveLength(timeOffCalls);
    const nodes = result.data!.employees.nodes;
    expect(nodes.map((n) => n.employments.length)).toEqual(page.map((p) => p.jobHistory.length));
    expect(nodes.every((n) => n.compensations.length === 1)).toBe(true);
    // Histories are asked after the page is read, and v1 reads employees by id one a call: pay
    // costs one read a person (the list has no id filter), as employments and balances do.
    expect(calls).toBe(1 + page.length * 3 + timeOffCalls);
  });
});

describe('Personio: a 2,000-person walk sees everyone once', () => {
  let started: Started;
  beforeAll(async () => {
    started = await start(2_000, 32);
  });
  afterAll(() => started.close());

  const forward = /* GraphQL */ `query ($after: String, $order: [EmployeeOrder!]) {
    employees(account: "personio", first: 100, after: $after, orderBy: $order) {
      nodes { remoteId } pageInfo { hasNextPage endCursor }
    }
  }`;
  const backward = /* GraphQL */ `query ($before: String) {
    employees(account: "personio", last: 100, before: $before) {
      nodes { remoteId } pageInfo { hasPreviousPage startCursor }
    }
  }`;

  async function walk(direction: 'forward' | 'backward' | 'descending') {
    const seen: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    for (let guard = 0; guard < 40; guard++) {
      const step = await counted(started, () =>
        started.graph.query<{
          employees: {
            nodes: { remoteId: string }[];
            pageInfo: {
              hasNextPage?: boolean;
              endCursor?: string;
              hasPreviousPage?: boolean;
              startCursor?: string;
            };
          };
        }>(
          direction === 'backward' ? backward : forward,
          direction === 'backward'
            ? { before: cursor }
            : {
                after: cursor,
                order:
                  direction === 'descending' ? [{ field: 'REMOTE_ID', direction: 'DESC' }] : null,
              },
        ),
      );
      expect(step.result.errors).toBeUndefined();
      calls += step.calls;
      const { nodes, pageInfo } = step.result.data!.employees;
      seen.push(...nodes.map((n) => n.remoteId));
      const more = direction === 'backward' ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
      if (!more) break;
      cursor = (direction === 'backward' ? pageInfo.startCursor : pageInfo.endCursor) ?? null;
    }
    return { seen, calls };
  }

  it('forward, 100 a page: 20 calls, everyone once, in id order', async () => {
    const { seen, calls } = await walk('forward');
    expect(seen).toEqual(started.sandbox.company.people.map((p) => String(p.id)));
    expect(calls).toBe(ceil(2_000, LIST_LIMIT));
  });

  it('backward, 100 a page: 20 calls and one to find the end, everyone once', async () => {
    const { seen, calls } = await walk('backward');
    expect([...seen].sort()).toEqual(
      started.sandbox.company.people.map((p) => String(p.id)).sort(),
    );
    expect(new Set(seen).size).toBe(2_000);
    expect(calls).toBe(ceil(2_000, LIST_LIMIT) + 1);
  });

  it('REMOTE_ID descending: the org lookup once (it knows the end), then 20 calls, everyone once, newest first', async () => {
    const { seen, calls } = await walk('descending');
    expect(seen).toEqual(started.sandbox.company.people.map((p) => String(p.id)).reverse());
    expect(calls).toBe(ceil(2_000, LIST_LIMIT) * 2);
  });
});
