/**
 * What the spec-generated replies suite found in Gusto, each pinned by a reply the spec allows,
 * forged whole and answered through the suite's own agent: the right data or a coded error at
 * the path, never a null without an error, never a value Gusto did not send.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/index.js';
import { createLoaders, createLookupCache } from '../../src/loaders/index.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { type GraphQLResult, queryThrough } from '../support/hrgraph.js';
import { gustoKit } from './kits/gusto.js';
import { gustoReplyIds } from './kits/gusto-queries.js';
import { createReplyAgent, type SentRequest } from './support/reply-agent.js';
import { openApiReplies } from './support/spec-replies.js';

const [ann] = gustoReplyIds.employees;
const [engineering] = gustoReplyIds.departments;
const [office] = gustoReplyIds.locations;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A server over an account whose every call is answered by `answer`. */
async function serverAnswering(answer: (request: SentRequest) => unknown) {
  const spec = await openApiReplies('gusto');
  const agent = createReplyAgent(
    spec,
    (request) => ({ body: answer(request) }),
    () => {},
  );
  const http = createHttpClient({ dispatcher: agent.dispatcher, maxAttempts: 1 });
  closers.push(async () => {
    await http.close();
    await agent.close();
  });
  const adapters = gustoKit.adapters(http);
  const yoga = createHrGraphServer({
    adapters: () => adapters,
    createLoaders: (init) => createLoaders({ ...init, lookupCache: createLookupCache() }),
    cursorKey: Buffer.from('found-gusto-cursor-key-found-gus'),
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
  });
  return queryThrough(yoga);
}

/** One query over an account whose every call is answered by `bodies`, by spec operation. */
async function ask(
  bodies: Readonly<Record<string, unknown>>,
  document: string,
): Promise<GraphQLResult> {
  const query = await serverAnswering((request) => bodies[request.operation.key] ?? []);
  return query(document, {});
}

const employees = 'GET /v1/companies/{company_id}/employees';
const departments = 'GET /v1/companies/{company_uuid}/departments';
const locations = 'GET /v1/companies/{company_id}/locations';
const policies = 'GET /v1/companies/{company_uuid}/time_off_policies';

const row = (extra: Record<string, unknown> = {}) => ({
  uuid: ann,
  first_name: 'Ann',
  last_name: 'Lee',
  onboarding_status: 'onboarding_completed',
  department_uuid: engineering,
  jobs: [{ uuid: 'job-1', primary: true, title: 'Engineer', location_uuid: office }],
  ...extra,
});

const page = /* GraphQL */ `
  {
    employees(account: "acme", first: 5) {
      nodes { remoteId employmentStatus employmentStatusRaw department { remoteId } location { remoteId }
        employments { remoteId department { remoteId } location { remoteId } } }
    }
  }
`;

const codesAt = (result: GraphQLResult, path: string) =>
  (result.errors ?? [])
    .filter((e) => (e.path ?? []).join('.') === path)
    .map((e) => e.extensions?.code);

describe('Gusto references: a department or location is one the account lists', () => {
  it('a department_uuid the departments list does not hold is UPSTREAM_BAD_RESPONSE at department, never a null without an error', async () => {
    const result = await ask(
      { [employees]: [row()], [departments]: [], [locations]: [{ uuid: office }] },
      page,
    );
    expect(codesAt(result, 'employees.nodes.0.department')).toEqual(['UPSTREAM_BAD_RESPONSE']);
    expect(codesAt(result, 'employees.nodes.0.employments')).toEqual(['UPSTREAM_BAD_RESPONSE']);
    expect(codesAt(result, 'employees.nodes.0.location')).toEqual([]);
  });

  it("a primary job's location_uuid the locations list does not hold is UPSTREAM_BAD_RESPONSE at location", async () => {
    const result = await ask(
      {
        [employees]: [row()],
        [departments]: [{ uuid: engineering, title: 'Eng' }],
        [locations]: [],
      },
      page,
    );
    expect(codesAt(result, 'employees.nodes.0.location')).toEqual(['UPSTREAM_BAD_RESPONSE']);
    expect(codesAt(result, 'employees.nodes.0.department')).toEqual([]);
  });

  it('listed ones resolve as before', async () => {
    const result = await ask(
      {
        [employees]: [row()],
        [departments]: [{ uuid: engineering, title: 'Eng' }],
        [locations]: [{ uuid: office, street_1: '1 Main St', city: 'Reno' }],
      },
      page,
    );
    expect(result.errors).toBeUndefined();
    const node = (result.data as { employees: { nodes: Record<string, unknown>[] } }).employees
      .nodes[0];
    expect(node).toMatchObject({
      department: { remoteId: engineering },
      location: { remoteId: office },
      employments: [{ remoteId: 'job-1', department: { remoteId: engineering } }],
    });
  });
});

describe('Gusto status: the raw twin is text Gusto sent', () => {
  it('an employee without onboarding_status, not terminated, has no status, never a made-up "active"', async () => {
    const result = await ask(
      {
        [employees]: [row({ onboarding_status: null })],
        [departments]: [{ uuid: engineering }],
        [locations]: [{ uuid: office }],
      },
      page,
    );
    expect(result.errors).toBeUndefined();
    expect(
      (result.data as { employees: { nodes: Record<string, unknown>[] } }).employees.nodes[0],
    ).toMatchObject({ employmentStatus: null, employmentStatusRaw: null });
  });
});

describe('Gusto balances: hours are numbers Gusto sent', () => {
  const balances = /* GraphQL */ `
    { employees(account: "acme", first: 5) { nodes { remoteId timeOffBalances { balance type { name } } } } }
  `;
  const policy = (member: Record<string, unknown>) => ({
    uuid: 'policy-1',
    company_uuid: gustoReplyIds.company,
    name: 'Vacation',
    policy_type: 'vacation',
    accrual_method: 'per_pay_period',
    is_active: true,
    employees: [{ uuid: ann, ...member }],
  });

  it('a balance that is no number is UPSTREAM_BAD_RESPONSE at timeOffBalances, never an uncoded Float error', async () => {
    const result = await ask(
      { [employees]: [row()], [policies]: [policy({ balance: 'lots' })] },
      balances,
    );
    expect(codesAt(result, 'employees.nodes.0.timeOffBalances')).toEqual(['UPSTREAM_BAD_RESPONSE']);
  });

  it('a member without a balance is UPSTREAM_BAD_RESPONSE, never a made-up 0', async () => {
    const result = await ask({ [employees]: [row()], [policies]: [policy({})] }, balances);
    expect(codesAt(result, 'employees.nodes.0.timeOffBalances')).toEqual(['UPSTREAM_BAD_RESPONSE']);
  });

  it('a balance in decimal hours shows as that number', async () => {
    const result = await ask(
      { [employees]: [row()], [policies]: [policy({ balance: '40.5' })] },
      balances,
    );
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain('"balance":40.5');
  });
});

describe('Gusto walks: a page repeating anyone from an earlier page is a fault, never a person twice', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const person = (n: number) => ({ uuid: uuid(n), first_name: `P${n}`, last_name: 'Lee' });
  const walkPage = /* GraphQL */ `
    query ($after: String) {
      employees(account: "acme", first: 3, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { remoteId }
      }
    }
  `;
  type Page = { employees: { pageInfo: { endCursor: string }; nodes: { remoteId: string }[] } };

  /** Pages of three by Gusto's `page` parameter; the third repeats the first page's first. */
  async function walkOver(pages: Readonly<Record<string, number[]>>) {
    return serverAnswering((request) => {
      if (request.operation.key !== employees) return [];
      return (pages[request.url.searchParams.get('page') ?? '1'] ?? []).map(person);
    });
  }

  it('two pages back: UPSTREAM_BAD_RESPONSE at the third page, and the pages before stand', async () => {
    const query = await walkOver({ '1': [1, 2, 3], '2': [4, 5, 6], '3': [1, 7, 8] });
    const first = await query<Page>(walkPage, {});
    const second = await query<Page>(walkPage, {
      after: first.data?.employees.pageInfo.endCursor,
    });
    expect(second.errors).toBeUndefined();
    expect(second.data?.employees.nodes.map((n) => n.remoteId)).toEqual([4, 5, 6].map(uuid));
    const third = await query<Page>(walkPage, {
      after: second.data?.employees.pageInfo.endCursor,
    });
    expect(third.data?.employees ?? null).toBeNull();
    expect(third.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['employees', 'UPSTREAM_BAD_RESPONSE'],
    ]);
    expect(third.errors?.[0]?.message).toMatch(/repeating records of an earlier page/);
  });

  it('a page asked again (a retry, a shared cursor) is no repeat', async () => {
    const query = await walkOver({ '1': [1, 2, 3], '2': [4, 5, 6], '3': [7, 8] });
    const first = await query<Page>(walkPage, {});
    const after = first.data?.employees.pageInfo.endCursor;
    for (const _ of [1, 2]) {
      const again = await query<Page>(walkPage, { after });
      expect(again.errors).toBeUndefined();
      expect(again.data?.employees.nodes.map((n) => n.remoteId)).toEqual([4, 5, 6].map(uuid));
    }
    const third = await query<Page>(walkPage, {
      after: (await query<Page>(walkPage, { after })).data?.employees.pageInfo.endCursor,
    });
    expect(third.errors).toBeUndefined();
    expect(third.data?.employees.nodes.map((n) => n.remoteId)).toEqual([7, 8].map(uuid));
  });
});
