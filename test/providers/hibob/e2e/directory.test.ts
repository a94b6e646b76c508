/**
 * HiBob end to end: hrgraph's GraphQL over the HiBob adapter over the sandbox. Values are checked
 * against the synthetic company, and every query's provider calls, counted from the sandbox's
 * request log, against the minimum this test computes from the company and Bob's published
 * limits: a page is one `POST /people/search`; people by id are ⌈N / 100⌉ searches (the root.id
 * filter, 100 ids a call); an employee table for N people is ⌈N / 200⌉ bulk reads (`limit` ≤ 200),
 * never N per-person reads; the named lists are read once per account.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import type { Person } from '../../../../src/sandbox/company/types.js';
import { hibobEmployeeId, personIdFromHibobId } from '../../../../src/sandbox/hibob/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { type HibobFixture, startHibob } from '../fixture.js';

/** Bob's published limits, as the tests count with them. */
const IDS_PER_SEARCH = 100;
const BULK_LIMIT = 200;
const ceil = (n: number, per: number) => Math.ceil(n / per);

let bob: HibobFixture;
beforeAll(async () => {
  bob = await startHibob({ company: { seed: 11, size: 400 } });
});
afterAll(() => bob.close());
beforeEach(() => bob.resetCounts());

interface Node {
  remoteId: string;
  [field: string]: unknown;
}
const nodesOf = (data: unknown) => (data as { employees: { nodes: Node[] } }).employees.nodes;
const personOf = (id: string): Person => bob.sandbox.company.person(personIdFromHibobId(id)!)!;
const globalId = (person: Person) =>
  toGlobalId('Employee', {
    accountId: accountId('hibob'),
    remoteId: remoteId(hibobEmployeeId(person.id)),
  });
const paths = () => bob.calls().map((entry) => `${entry.method} ${entry.path}`);

describe('HiBob: a directory page against the synthetic company', () => {
  it('maps names, emails, title, department, site, manager, dates and status from one search', async () => {
    const { company } = bob.sandbox;
    // Warm the named lists, so the page's own count is the page alone.
    await bob.query(
      /* GraphQL */ `{ employees(account: "hibob", first: 1) { nodes { department { name } } } }`,
    );
    bob.resetCounts();
    const result = await bob.query(/* GraphQL */ `{
      employees(account: "hibob", first: 100) {
        totalCount
        nodes {
          remoteId employeeNumber firstName middleName lastName displayName workEmail jobTitle
          startDate terminationDate employmentStatus employmentStatusRaw createdAt
          department { remoteId name }
          location { name }
          manager { remoteId displayName }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = nodesOf(result.data);
    expect((result.data as { employees: { totalCount: number } }).employees.totalCount).toBe(400);
    expect(nodes.map((n) => n.remoteId)).toEqual(
      company.people.slice(0, 100).map((p) => hibobEmployeeId(p.id)),
    );
    for (const node of nodes) {
      const person = personOf(node.remoteId);
      const job = company.currentJob(person);
      expect(node).toMatchObject({
        employeeNumber: String(Number(person.employeeNumber)),
        firstName: person.firstName,
        middleName: person.middleName,
        lastName: person.lastName,
        workEmail: person.workEmail,
        jobTitle: company.jobTitles.find((t) => t.id === job.jobTitleId)?.name,
        startDate: person.hireDate,
        terminationDate: person.terminationDate,
        employmentStatus: person.status === 'Active' ? 'ACTIVE' : 'INACTIVE',
        employmentStatusRaw: person.status === 'Active' ? 'employed' : 'terminated',
        department: { name: company.departments.find((d) => d.id === job.departmentId)?.name },
        location: { name: company.locations.find((l) => l.id === job.locationId)?.name },
        manager: job.managerId === null ? null : { remoteId: hibobEmployeeId(job.managerId) },
      });
    }
    // The managers outside the page are read by id: ⌈their count / 100⌉ searches.
    const onPage = new Set(nodes.map((n) => n.remoteId));
    const outside = new Set(
      nodes
        .map((n) => (n.manager as Node | null)?.remoteId)
        .filter((id): id is string => id !== undefined && !onPage.has(id)),
    );
    expect(paths()).toEqual(
      Array(1 + ceil(outside.size, IDS_PER_SEARCH)).fill('POST /v1/people/search'),
    );
  });

  it('nodes(ids:) of 250 people: ⌈250 / 100⌉ searches by root.id, whatever the fields', async () => {
    const people = bob.sandbox.company.people.slice(100, 350);
    const result = await bob.query(
      /* GraphQL */ `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { remoteId lastName jobTitle workEmail } } }`,
      { ids: people.map(globalId) },
    );
    expect(result.errors).toBeUndefined();
    const got = (result.data as { nodes: Node[] }).nodes;
    expect(got.map((n) => n.remoteId)).toEqual(people.map((p) => hibobEmployeeId(p.id)));
    expect(got.map((n) => n.lastName)).toEqual(people.map((p) => p.lastName));
    expect(paths()).toEqual(Array(ceil(250, IDS_PER_SEARCH)).fill('POST /v1/people/search'));
  });

  it("a page's jobs, pay and status history: one bulk read per table for the page, no per-person read", async () => {
    const size = 250;
    await bob.query(
      /* GraphQL */ `{ account(id: "hibob") { groups(first: 1) { nodes { name } } } }`,
    );
    bob.resetCounts();
    const result = await bob.query(/* GraphQL */ `{
      employees(account: "hibob", first: ${size}) {
        nodes {
          remoteId
          employments { effectiveDate jobTitle department { name } manager { remoteId } }
          compensations { effectiveDate pay { amount currency } payPeriod payFrequency reason }
          statusHistory { effectiveDate employmentStatus employmentStatusRaw }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const { company } = bob.sandbox;
    for (const node of nodesOf(result.data)) {
      const person = personOf(node.remoteId);
      const jobs = node.employments as { effectiveDate: string; jobTitle: string }[];
      expect(jobs.map((j) => j.effectiveDate)).toEqual(
        person.jobHistory.map((j) => j.effectiveDate),
      );
      expect(jobs.at(-1)?.jobTitle).toBe(
        company.jobTitles.find((t) => t.id === person.jobHistory.at(-1)!.jobTitleId)?.name,
      );
      const pay = node.compensations as { pay: { amount: string; currency: string } }[];
      expect(pay.map((p) => p.pay)).toEqual(
        person.compensationHistory.map((c) => ({
          amount: Number(c.amount).toFixed(2),
          currency: c.currency,
        })),
      );
      const statuses = node.statusHistory as { employmentStatus: string }[];
      expect(statuses.map((s) => s.employmentStatus)).toEqual(
        person.statusHistory.map((s) => (s.status === 'Terminated' ? 'INACTIVE' : 'ACTIVE')),
      );
    }
    const tables = ['work', 'salaries', 'lifecycle'];
    expect(paths().sort()).toEqual(
      [
        'POST /v1/people/search',
        ...tables.flatMap((t) => Array(ceil(size, BULK_LIMIT)).fill(`GET /v1/bulk/people/${t}`)),
      ].sort(),
    );
    expect(bob.calls().some((entry) => /^\/v1\/people\/\d+\//.test(entry.path))).toBe(false);
  });

  it('custom fields by name, read in the same search as the page', async () => {
    const { company } = bob.sandbox;
    const field = company.customFields[0]!;
    await bob.query(/* GraphQL */ `{ account(id: "hibob") { customFields { name } } }`);
    bob.resetCounts();
    const result = await bob.query(
      /* GraphQL */ `query ($names: [String!]!) { employees(account: "hibob", first: 20) { nodes { remoteId customFields(names: $names) } } }`,
      { names: [field.name] },
    );
    expect(result.errors).toBeUndefined();
    for (const node of nodesOf(result.data)) {
      const value = company.customValue(personOf(node.remoteId), field);
      expect(node.customFields).toEqual({ [field.name]: value });
    }
    expect(paths()).toEqual(['POST /v1/people/search']);
  });

  it.each([
    ['ACTIVE', false],
    ['INACTIVE', true],
  ] as const)(
    'status %s: showInactive %s in the one search, and only those people',
    async (status, showInactive) => {
      const { company } = bob.sandbox;
      const result = await bob.query<{ employees: { totalCount: number; nodes: Node[] } }>(
        /* GraphQL */ `query ($status: EmployeeStatusFilter) {
        employees(account: "hibob", first: 1000, filter: { status: $status }) { totalCount nodes { remoteId } }
      }`,
        { status },
      );
      expect(result.errors).toBeUndefined();
      const wanted = company.people.filter(
        (p) => (p.status === 'Active') === (status === 'ACTIVE'),
      );
      expect(wanted.length).toBeGreaterThan(0);
      expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(
        wanted.map((p) => hibobEmployeeId(p.id)),
      );
      expect(result.data!.employees.totalCount).toBe(wanted.length);
      expect(paths()).toEqual(['POST /v1/people/search']);
      expect(bob.calls()[0]!.fieldsAsked).toEqual(
        showInactive ? ['root.id', 'internal.status'] : ['root.id'],
      );
    },
  );

  it('a filter Bob cannot answer is refused by name, at no call: no order', async () => {
    const result = await bob.query(/* GraphQL */ `{
      employees(account: "hibob", first: 5, orderBy: [{ field: LAST_NAME, direction: ASC }]) { nodes { remoteId } }
    }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bob.calls()).toEqual([]);
  });
});
