/**
 * "Every argument combination returns data or a BAD_USER_INPUT error, never a 500 or an internal
 * message", checked by fast-check: cursors (real ones, from other accounts, queries and
 * connections, edited, forged or random), page sizes across the whole Int range, filters, orders,
 * custom field names, date windows and nested connections, against the in-process server over
 * a small sandbox company. The seed is fixed so every run checks the same cases.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResult, type HrGraphFixture, startHrGraph } from '../support/hrgraph.js';

let hr: HrGraphFixture;
const cursors: string[] = [];
const ids: string[] = [];

interface Connection {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { startCursor: string | null; endCursor: string | null };
}

/** Collects the cursors and node IDs of a connection somewhere in `data`. */
function harvest(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  const maybe = value as Partial<Connection>;
  if (Array.isArray(maybe.edges)) {
    for (const edge of maybe.edges) {
      cursors.push(edge.cursor);
      ids.push(edge.node.id);
    }
  }
  for (const child of Object.values(value)) harvest(child);
}

beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 25, customFieldCount: 2, seed: 13 } });
  const page = 'edges { cursor node { id } } pageInfo { startCursor endCursor }';
  for (const document of [
    `{ employees(account: "acme", first: 3) { ${page} } }`,
    `{ employees(account: "acme", last: 2) { ${page} } }`,
    `{ employees(account: "acme-oauth", first: 4) { ${page} } }`,
    `{ employees(account: "acme-oauth", last: 3, filter: { status: ACTIVE }) { ${page} } }`,
    `{ employees(account: "acme", first: 2, orderBy: [{ field: LAST_NAME, direction: DESC }]) { ${page} } }`,
    `{ account(id: "acme") { groups(first: 2) { ${page} } locations(first: 1) { ${page} } } }`,
  ]) {
    const result = await hr.query(document);
    expect(result.errors).toBeUndefined();
    harvest(result.data);
  }
});
afterAll(async () => {
  await hr.close();
});

/** One of a pool filled in beforeAll: read when a value is drawn, not when this is built. */
const fromPool = (pool: readonly string[]) => fc.nat().map((i) => pool[i % pool.length]!);

const int32 = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 999, 1000, 1001, -1) },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
);

/** Flips, cuts or extends a real cursor somewhere. */
const editedCursor = fc
  .tuple(fromPool(cursors), fc.nat(), fc.string())
  .map(([cursor, at, extra]) => {
    const i = at % cursor.length;
    const flipped = cursor[i] === 'A' ? 'B' : 'A';
    return [
      `${cursor.slice(0, i)}${flipped}${cursor.slice(i + 1)}`,
      cursor.slice(0, i),
      `${cursor}${extra}`,
    ][at % 3]!;
  });

const forgedCursor = fc
  .record({ v: fc.constantFrom(1, 2), a: fc.constantFrom('acme', 'acme-oauth'), s: fc.integer() })
  .map((payload) => `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.forged`);

const cursor = () =>
  fc.oneof(
    { weight: 4, arbitrary: fromPool(cursors) },
    { weight: 2, arbitrary: editedCursor },
    { weight: 1, arbitrary: forgedCursor },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );

const id = () =>
  fc.oneof(
    { weight: 3, arbitrary: fromPool(ids) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );

const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const filter = fc.record(
  {
    status: fc.constantFrom('ACTIVE', 'INACTIVE'),
    firstName: fc.string({ maxLength: 8 }),
    lastName: fc.string({ maxLength: 8 }),
    jobTitle: fc.string({ maxLength: 8 }),
    ids: fc.array(id(), { maxLength: 4 }),
    departments: fc.array(id(), { maxLength: 3 }),
    managers: fc.array(id(), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const order = fc.array(
  fc.record({
    field: fc.constantFrom('REMOTE_ID', 'FIRST_NAME', 'LAST_NAME', 'JOB_TITLE', 'STATUS'),
    direction: fc.constantFrom('ASC', 'DESC'),
  }),
  { maxLength: 7 },
);

const day = fc
  .date({
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const nearDay = fc
  .date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const date = () => fc.oneof(nearDay, day);

const args = fc.record({
  root: fc.constantFrom('employees', 'account'),
  account: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('acme', 'acme-oauth') },
    { weight: 1, arbitrary: fc.constantFrom('nope', '') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  first: sometimes(int32),
  last: sometimes(int32),
  after: sometimes(cursor()),
  before: sometimes(cursor()),
  filter: sometimes(filter),
  orderBy: sometimes(order),
  names: sometimes(
    fc.array(fc.constantFrom('firstName', 'Job Title', 'hireDate', 'nope', '', 'x'.repeat(300)), {
      maxLength: 4,
    }),
  ),
  timeOff: sometimes(fc.record({ start: sometimes(date()), end: sometimes(date()) })),
  asOf: sometimes(fc.oneof(fc.constant(null), date())),
  reports: sometimes(fc.record({ first: sometimes(int32), after: sometimes(cursor()) })),
});

type Args = typeof args extends fc.Arbitrary<infer T> ? T : never;

/** A valid document for `a`: variables only for what it selects, so none is unused. */
function documentFor(a: Args) {
  const defs = [
    '$account: ID',
    '$first: Int',
    '$last: Int',
    '$after: String',
    '$before: String',
    '$filter: EmployeeFilter',
    '$orderBy: [EmployeeOrder!]',
  ];
  const fields = ['id', 'remoteId', 'firstName'];
  const variables: Record<string, unknown> = { ...a };
  if (a.names) {
    defs.push('$names: [String!]!');
    fields.push('customFields(names: $names)');
  }
  if (a.timeOff) {
    defs.push('$start: Date', '$end: Date');
    fields.push('timeOff(start: $start, end: $end) { id startDate }');
    variables.start = a.timeOff.start;
    variables.end = a.timeOff.end;
  }
  if (a.asOf !== undefined) {
    defs.push('$asOf: Date');
    fields.push('timeOffBalances(asOf: $asOf) { balance }');
  }
  if (a.reports) {
    defs.push('$reportsFirst: Int', '$reportsAfter: String');
    fields.push(
      'directReports(first: $reportsFirst, after: $reportsAfter) { edges { cursor node { id } } }',
    );
    variables.reportsFirst = a.reports.first;
    variables.reportsAfter = a.reports.after;
  }
  const connection = `employees(${a.root === 'employees' ? 'account: $account, ' : ''}first: $first, last: $last, after: $after, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { ${fields.join(' ')} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }`;
  const body = a.root === 'employees' ? connection : `account(id: $account) { id ${connection} }`;
  if (a.root === 'account') defs[0] = '$account: ID!';
  const document = `query Q(${defs.join(', ')}) { ${body} }`;
  if (a.root === 'account' && a.account === undefined) variables.account = 'acme';
  return { document, variables };
}

function expectDataOrBadInput(result: GraphQLResult) {
  expect(result.status).toBeLessThan(500);
  for (const error of result.errors ?? []) {
    expect(error.message).not.toBe('Unexpected error.');
    expect(error.extensions?.code, error.message).toBe('BAD_USER_INPUT');
  }
  if (!result.errors) expect(result.data).toBeTruthy();
}

describe('Relay connection arguments, filters, names and dates (property-based)', () => {
  it('every combination returns data or BAD_USER_INPUT, never a 500 or an internal message', async () => {
    let withData = 0;
    let withBadInput = 0;
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const { document, variables } = documentFor(a);
        const result = await hr.query(document, variables);
        expectDataOrBadInput(result);
        if (result.errors) withBadInput++;
        else withData++;
      }),
      { seed: 20_260_615, numRuns: 250 },
    );
    // The generators must reach both outcomes, or the property says little.
    expect(withData).toBeGreaterThan(20);
    expect(withBadInput).toBeGreaterThan(20);
  });

  it('walking with real cursors and random page sizes always lands on data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('acme', 'acme-oauth'),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (account, sizes, backward) => {
          let cursor: string | null = null;
          for (const size of sizes) {
            const result: GraphQLResult<{ employees: Connection }> = await hr.query(
              `query($account: ID!, $n: Int, $c: String) { employees(account: $account, ${
                backward ? 'last: $n, before: $c' : 'first: $n, after: $c'
              }) { edges { cursor node { id } } pageInfo { startCursor endCursor } } }`,
              { account, n: size, c: cursor },
            );
            expect(result.errors).toBeUndefined();
            const { edges, pageInfo } = result.data!.employees;
            expect(edges.length).toBeLessThanOrEqual(size);
            cursor = (backward ? pageInfo.startCursor : pageInfo.endCursor) ?? cursor;
          }
        },
      ),
      { seed: 20_260_615, numRuns: 40 },
    );
  });
});
