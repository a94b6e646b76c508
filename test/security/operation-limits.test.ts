import { createRequire } from 'node:module';
import type { ValidationContext, ValidationRule } from 'graphql';
import { describe, expect, test } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { operationLimitRules } from '../../src/server/plugins/use-operation-limits.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

// The schema is built with the CommonJS graphql (through Pothos); validate with the same one.
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const accounts = [{ id: 'acme', people: people(3) }];

/** `F_i { ...F_i+1 ...F_i+1 }`: about 1 KB for 24 fragments, 2^24 fields once expanded. */
function doublingChain(fragments: number): string {
  const lines = ['{ employees { nodes { ...F0 } } }'];
  for (let i = 0; i < fragments; i++)
    lines.push(`fragment F${i} on Employee { ...F${i + 1} ...F${i + 1} }`);
  lines.push(`fragment F${fragments} on Employee { id }`);
  return lines.join('\n');
}

function nested(levels: number): string {
  return `{ employees { nodes { ${'manager { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;
}

async function post(yoga: ReturnType<typeof testServer>['yoga'], query: string) {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, body };
}

function expectRefused(
  { status, body }: Awaited<ReturnType<typeof post>>,
  limit: string,
  maximum: number,
) {
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit, maximum });
}

describe('issue 13 item 3: operation limits cost linear time', () => {
  test('the 1 KB chain of 24 doubling fragments is refused before anything runs', async () => {
    const { yoga, fake } = testServer(accounts);
    const attack = doublingChain(24);
    expect(attack.length).toBeLessThan(1100);
    expectRefused(await post(yoga, attack), 'maxCost', 1_000_000);
    expect(fake.calls).toEqual([]);
  });

  test('/healthz is answered while the chain is checked', async () => {
    const { yoga } = testServer(accounts);
    const [refused, health] = await Promise.all([
      post(yoga, doublingChain(24)),
      yoga.fetch('http://yoga/healthz'),
    ]);
    expect(refused.status).toBe(400);
    expect(health.status).toBe(200);
  });

  test('each limit reads a fragment once per document, however often it is spread', () => {
    // A naive walk looks a fragment up at every spread: 2^25 - 1 lookups for this chain.
    let lookups = 0;
    const counted = (rule: ValidationRule): ValidationRule =>
      function countingRule(context: ValidationContext) {
        const counting = new Proxy(context, {
          get(target, property) {
            if (property === 'getFragment') {
              return (name: string) => {
                lookups++;
                return target.getFragment(name);
              };
            }
            const value = Reflect.get(target, property, target);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
        return rule(counting);
      };
    const rules = operationLimitRules().map(counted);
    const errors = validate(schema, parse(doublingChain(24)), rules);
    expect(errors.map((e) => e.extensions.limit)).toEqual(['maxCost']);
    expect(lookups).toBeLessThanOrEqual(rules.length * 25);
  });
});

describe('issue 13 item 9: deep documents are a 400 with a code, never a stack overflow', () => {
  test('a 5,000-level nested document is refused at parse by the token bound', async () => {
    const { yoga } = testServer(accounts);
    expectRefused(await post(yoga, nested(5000)), 'maxTokens', 2000);
  });

  test('the deepest document within the token bound is refused by depth, not by the stack', async () => {
    const { yoga } = testServer(accounts);
    // 3 tokens a level ("manager", "{", "}"), 9 for the rest: 1,998 tokens, one level short of
    // the bound.
    expectRefused(await post(yoga, nested(663)), 'maxDepth', 15);
    expectRefused(await post(yoga, nested(664)), 'maxTokens', 2000);
  });

  test('the deepest list value within the token bound is refused with a code', async () => {
    const { yoga } = testServer(accounts);
    // 2 tokens a level, 11 for the rest: 1,999 tokens.
    const levels = 994;
    const { status, body } = await post(
      yoga,
      `{ nodes(ids: ${'['.repeat(levels)}"x"${']'.repeat(levels)}) { id } }`,
    );
    // Not a limit: an ID list of lists is invalid, and says so with yoga's validation code.
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('operation limits: every refusal says which bound, with BAD_USER_INPUT', () => {
  test('depth', async () => {
    const { yoga } = testServer(accounts);
    const { body } = await post(yoga, nested(14));
    expect(body.errors?.[0]?.message).toBe(
      'The operation is 17 levels deep; at most 15 are allowed.',
    );
    expectRefused(await post(yoga, nested(14)), 'maxDepth', 15);
  });

  test('fragments add no level of depth', async () => {
    const { yoga } = testServer(accounts);
    const { body } = await post(
      yoga,
      `{ employees { nodes { ...A } } } fragment A on Employee { ... on Employee { ...B } } fragment B on Employee { manager { id } }`,
    );
    expect(body.errors).toBeUndefined();
  });

  test('aliases, counted where their fragment is spread', async () => {
    const { yoga } = testServer(accounts);
    const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: id`).join(' ');
    const spreads = Array.from({ length: 4 }, (_, i) => `s${i}: employees { nodes { ...A } }`);
    // 4 + 4 × 8 = 36 aliases in the operation, though the document spells 12.
    expectRefused(
      await post(yoga, `{ ${spreads.join(' ')} } fragment A on Employee { ${aliases} }`),
      'maxAliases',
      30,
    );
  });

  test('directives', async () => {
    const { yoga } = testServer(accounts);
    const fields = Array.from({ length: 51 }, () => '__typename @include(if: true)').join(' ');
    expectRefused(await post(yoga, `{ ${fields} }`), 'maxDirectives', 50);
  });

  test('cost: a page of pages', async () => {
    const { yoga } = testServer(accounts);
    expectRefused(
      await post(
        yoga,
        '{ employees(first: 1000) { nodes { directReports(first: 1000) { nodes { id } } } } }',
      ),
      'maxCost',
      1_000_000,
    );
  });

  test('the limits are options', async () => {
    const { yoga } = testServer(accounts, { operationLimits: { maxTokens: 8 } });
    // Nine tokens: { employees { nodes { id } } } plus one field.
    expectRefused(await post(yoga, '{ employees { nodes { id firstName } } }'), 'maxTokens', 8);
  });
});
