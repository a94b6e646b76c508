/**
 * Issue 21: "a `hrgraph explain` command over a document and variables", and the dry run it asks
 * for: the plan of an operation with no provider call made, exact where the document decides
 * (ids named, lists) and a range with its reason where the data does.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../../src/cli/explain.js';
import { createLoaders } from '../../../src/loaders/index.js';
import { createHrGraphServer } from '../../../src/server/create-server.js';
import { type BambooHrFixture, startBambooHr } from '../../support/bamboohr.js';
import { sendThrough } from './support.js';

let bamboo: BambooHrFixture;
let dir: string;
let yoga: ReturnType<typeof createHrGraphServer>;
beforeAll(async () => {
  bamboo = await startBambooHr({ company: { size: 60, seed: 11 } });
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-explain-'));
  yoga = createHrGraphServer({
    adapters: [bamboo.apiKey, bamboo.oauth],
    createLoaders,
    development: false,
    logging: false,
  });
});
afterAll(async () => {
  await bamboo.close();
  await rm(dir, { recursive: true, force: true });
});

const page = /* GraphQL */ `
  query Page($account: ID) {
    employees(account: $account, first: 20) { nodes { displayName manager { workEmail } } }
  }
`;

function run(args: Parameters<typeof runExplain>[0]) {
  let out = '';
  const io = {
    write: (text: string) => {
      out += text;
    },
    readStdin: async () => '',
    env: {},
    fetch: async (url: string, init: RequestInit) => yoga.fetch(url, init),
  };
  return runExplain(args, io).then(() => out);
}

describe('explain', () => {
  it('a dry run plans without calling a provider or running a resolver', async () => {
    const send = sendThrough(yoga);
    bamboo.resetCounts();
    const answer = await send(
      page,
      { account: 'acme' },
      { headers: { 'hrgraph-explain': 'dry-run' } },
    );
    expect(bamboo.apiCalls()).toBe(0);
    expect(answer.data ?? null).toBeNull();
    const plan = answer.upstream!.plan!;
    expect(plan.parts.find((p) => p.path === 'employees')?.calls).toEqual({ min: 1, max: 1 });
    const managers = plan.parts.filter((p) => p.path === 'employees.nodes.manager');
    expect(managers.length).toBeGreaterThan(0);
    for (const part of managers) {
      expect(part.calls.min).toBeLessThan(part.calls.max!);
      expect(part.reason).toMatch(/managers on and off the page/);
    }
  });

  it('a plan beside the answer equals the calls the answer made, for ids the document names', async () => {
    const send = sendThrough(yoga);
    const ids = await send<{ employees: { nodes: { id: string }[] } }>(
      /* GraphQL */ `{ employees(account: "acme-oauth", first: 5) { nodes { id } } }`,
    );
    const answer = await send(
      /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { displayName jobTitle } } }`,
      { ids: ids.data!.employees.nodes.map((n) => n.id) },
      { extensions: { explain: true } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.upstream!.plan!.calls).toEqual({
      min: answer.upstream!.calls,
      max: answer.upstream!.calls,
    });
  });

  it('an explain request it cannot read is a BAD_USER_INPUT saying what it takes', async () => {
    const send = sendThrough(yoga);
    const answer = await send(
      page,
      { account: 'acme' },
      { extensions: { explain: { assume: { pages: 3 } } } },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('managersOffPage');
  });

  it('hrgraph explain prints the plan for people, and as JSON for programs', async () => {
    const file = join(dir, 'page.graphql');
    await writeFile(file, page);
    bamboo.resetCounts();
    const text = await run({
      query: file,
      variables: { account: 'acme' },
      url: 'http://hrgraph.test/graphql',
    });
    expect(text).toMatch(/^Provider calls: 1\.\.\d+/);
    expect(text).toContain('employees.nodes.manager');
    expect(text).toContain('WHY A RANGE');
    const json = JSON.parse(
      await run({
        query: file,
        variables: { account: 'acme' },
        url: 'http://hrgraph.test/graphql',
        assume: { page: 20, managersOnPage: 0, managersOffPage: 0 },
        json: true,
      }),
    ) as { calls: { min: number; max: number } };
    expect(json.calls).toEqual({ min: 1, max: 1 });
    expect(bamboo.apiCalls()).toBe(0);
  });
});
