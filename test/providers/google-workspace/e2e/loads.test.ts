/**
 * Google Workspace end to end: nodes by id, custom schema fields, filters, orders, groups and the
 * company, the fields Google cannot supply, and `last:` refused, with exact call counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import type { Person } from '../../../../src/sandbox/company/types.js';
import { googleUserId } from '../../../../src/sandbox/google-workspace/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import {
  countOf,
  dataCalls,
  type GoogleFixture,
  startGoogleWorkspace,
} from '../../../support/google-workspace.js';
import { graphqlOver } from '../../../support/hrgraph.js';

let g: GoogleFixture;
beforeAll(async () => {
  g = await startGoogleWorkspace({ company: { seed: 7, size: 200 } });
  const warm = await g.query('{ account(id: "acme-google") { groups(first: 1) { totalCount } } }');
  expect(warm.errors).toBeUndefined();
});
afterAll(() => g.close());

const account = accountId('acme-google');
const gid = (person: Person) =>
  toGlobalId('Employee', { accountId: account, remoteId: remoteId(googleUserId(person.id)) });

describe('Google Workspace: employees by id', () => {
  it('20 nodes cost exactly 20 users.get (no batch read by ids), narrowed to the fields asked', async () => {
    const people = g.sandbox.company.people.slice(100, 120);
    const result = await g.query<{
      nodes: { remoteId: string; firstName: string; jobTitle: string }[];
    }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { remoteId firstName jobTitle } } }',
      { ids: people.map(gid) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n.remoteId)).toEqual(
      people.map((p) => googleUserId(p.id)),
    );
    expect(result.data!.nodes.map((n) => n.firstName)).toEqual(
      people.map((p) => p.preferredName ?? p.firstName),
    );
    expect(dataCalls(result.upstream)).toEqual(Array(20).fill('google.users.get'));
    const gets = g.sandbox.log.entries({ path: /^\/admin\/directory\/v1\/users\/\d+$/ }).slice(-20);
    expect(new Set(gets.map((e) => e.query.fields))).toEqual(
      new Set(['id,name,organizations,primaryEmail']),
    );
  });

  it('with managers: 20 + one users.get per distinct manager outside the 20', async () => {
    const company = g.sandbox.company;
    const people = company.people.slice(140, 160);
    const inside = new Set(people.map((p) => p.id));
    const outside = new Set(
      people
        .map((p) => company.currentJob(p).managerId)
        .filter((id): id is number => id !== null && !inside.has(id)),
    );
    const result = await g.query<{
      nodes: { manager: { remoteId: string; lastName: string } | null }[];
    }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { manager { remoteId lastName } } } }',
      { ids: people.map(gid) },
    );
    expect(result.errors).toBeUndefined();
    result.data!.nodes.forEach((node, i) => {
      const managerId = company.currentJob(people[i]!).managerId;
      expect(node.manager?.remoteId ?? null).toBe(
        managerId === null ? null : googleUserId(managerId),
      );
      if (managerId !== null)
        expect(node.manager?.lastName).toBe(company.person(managerId)!.lastName);
    });
    expect(outside.size).toBeGreaterThan(0);
    expect(countOf(dataCalls(result.upstream), 'google.users.get')).toBe(20 + outside.size);
    expect(dataCalls(result.upstream)).toHaveLength(20 + outside.size);
  });

  it('an unknown or malformed id is null, with a 404 costing one call and a non-numeric id none', async () => {
    const ids = [
      toGlobalId('Employee', { accountId: account, remoteId: remoteId('100000000000000000001') }),
      toGlobalId('Employee', { accountId: account, remoteId: remoteId('someone@example.com') }),
    ];
    const result = await g.query<{ nodes: unknown[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Employee { firstName } } }',
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toEqual([null, null]);
    expect(dataCalls(result.upstream)).toEqual(['google.users.get']);
  });
});

describe('Google Workspace: custom schema fields', () => {
  it('reads Schema.field through projection=custom and customFieldMask on the list call itself', async () => {
    const result = await g.query<{
      employees: { nodes: { remoteId: string; customFields: Record<string, unknown> }[] };
    }>(/* GraphQL */ `{
      employees(account: "acme-google", first: 5) {
        nodes { remoteId customFields(names: ["EmployeeData.hireDate", "employeedata.terminationDate"]) }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const company = g.sandbox.company;
    result.data!.employees.nodes.forEach((node, i) => {
      const person = company.people[i]!;
      expect(node.customFields).toEqual({
        'EmployeeData.hireDate': person.hireDate,
        'employeedata.terminationDate': person.terminationDate,
      });
    });
    // The account's first custom name reads the schema catalogue (cached per account).
    expect(dataCalls(result.upstream)).toEqual(['google.schemas.list', 'google.users.list']);
    const list = g.sandbox.log.entries({ path: '/admin/directory/v1/users' }).at(-1)!;
    expect(list.query).toMatchObject({ projection: 'custom', customFieldMask: 'EmployeeData' });
    const again = await g.query(
      '{ employees(account: "acme-google", first: 5) { nodes { customFields(names: ["EmployeeData.hireDate"]) } } }',
    );
    expect(dataCalls(again.upstream)).toEqual(['google.users.list']);
  });

  it('an unknown field name is BAD_USER_INPUT naming it', async () => {
    const result = await g.query(
      '{ employees(account: "acme-google", first: 1) { nodes { customFields(names: ["Nope.field"]) } } }',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('Nope.field');
  });

  it('remoteData returns the raw User properties', async () => {
    const result = await g.query<{
      employees: { nodes: { remoteData: Record<string, unknown> }[] };
    }>(
      '{ employees(account: "acme-google", first: 1) { nodes { remoteData(fields: ["isAdmin"]) } } }',
    );
    expect(result.errors).toBeUndefined();
    const raw = result.data!.employees.nodes[0]!.remoteData;
    expect(raw).toMatchObject({ id: googleUserId(1), isAdmin: true, suspended: false });
    expect(raw.primaryEmail).toBe(g.sandbox.company.people[0]!.workEmail);
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
  });
});

describe('Google Workspace: User property names', () => {
  it('resolve without the schema catalogue: remoteData(fields: ["isAdmin"]) is the page call alone', async () => {
    // A fresh account: nothing of its lookups is cached.
    const query = graphqlOver([g.adapterWith({ id: 'fresh-google' })]);
    const result = await query<{
      employees: { nodes: { remoteData: Record<string, unknown> }[] };
    }>(
      '{ employees(account: "fresh-google", first: 1) { nodes { remoteData(fields: ["isadmin", "orgUnitPath"]) } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes[0]!.remoteData).toMatchObject({ isAdmin: true });
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
  });
});

describe('Google Workspace: filters and orders through users.list', () => {
  it('status INACTIVE is isSuspended=true, in one call', async () => {
    const result = await g.query<{ employees: { nodes: { remoteId: string }[] } }>(
      '{ employees(account: "acme-google", first: 500, filter: { status: INACTIVE }) { nodes { remoteId } } }',
    );
    expect(result.errors).toBeUndefined();
    const expected = g.sandbox.company.people
      .filter((p) => p.terminationDate !== null)
      .map((p) => googleUserId(p.id));
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(expected);
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
    const list = g.sandbox.log.entries({ path: '/admin/directory/v1/users' }).at(-1)!;
    expect(list.query.query).toBe('isSuspended=true');
  });

  it('orders by LAST_NAME descending natively; JOB_TITLE is refused naming what works', async () => {
    const result = await g.query<{ employees: { nodes: { lastName: string }[] } }>(
      '{ employees(account: "acme-google", first: 10, orderBy: [{ field: LAST_NAME, direction: DESC }]) { nodes { lastName } } }',
    );
    expect(result.errors).toBeUndefined();
    const names = result.data!.employees.nodes.map((n) => n.lastName);
    expect(names).toEqual(
      [...g.sandbox.company.people]
        .sort((a, b) => (a.lastName.toLowerCase() < b.lastName.toLowerCase() ? 1 : -1))
        .slice(0, 10)
        .map((p) => p.lastName)
        .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1)),
    );
    const refused = await g.query(
      '{ employees(account: "acme-google", first: 1, orderBy: [{ field: JOB_TITLE }]) { nodes { id } } }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('FIRST_NAME, LAST_NAME');
    expect(refused.upstream.calls).toBe(0);
  });

  it('direct reports of one manager are one directManagerId search', async () => {
    const company = g.sandbox.company;
    const manager = company.people.find((p) =>
      company.people.some((q) => company.currentJob(q).managerId === p.id),
    )!;
    const reports = company.people
      .filter((q) => company.currentJob(q).managerId === manager.id)
      .map((q) => googleUserId(q.id));
    const result = await g.query<{
      employee: { directReports: { nodes: { remoteId: string }[] } };
    }>(
      'query($id: ID!) { employee(id: $id) { directReports(first: 100) { nodes { remoteId } } } }',
      { id: gid(manager) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employee.directReports.nodes.map((n) => n.remoteId)).toEqual(reports);
    // The employee's existence check, then one search for its reports (their managers are known).
    expect(dataCalls(result.upstream)).toEqual(['google.users.get', 'google.users.list']);
    const list = g.sandbox.log.entries({ path: '/admin/directory/v1/users' }).at(-1)!;
    expect(list.query.query).toBe(`directManagerId='${googleUserId(manager.id)}'`);
  });

  it('a department filter is an orgUnitPath search', async () => {
    const groups = await g.query<{
      account: { groups: { nodes: { id: string; name: string; type: string }[] } };
    }>(
      '{ account(id: "acme-google") { groups(first: 1000, type: ORG_UNIT) { nodes { id name type } } } }',
    );
    const company = g.sandbox.company;
    const department = company.departments[0]!;
    const unit = groups.data!.account.groups.nodes.find((n) => n.name === department.name)!;
    const result = await g.query<{ employees: { nodes: { remoteId: string }[] } }>(
      'query($d: ID!) { employees(account: "acme-google", first: 500, filter: { departments: [$d] }) { nodes { remoteId } } }',
      { d: unit.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(
      company.people
        .filter((p) => company.currentJob(p).departmentId === department.id)
        .map((p) => googleUserId(p.id)),
    );
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
  });
  it('a division and one of its departments: everyone in the division once, in one search (orgUnitPath takes the units under it)', async () => {
    const company = g.sandbox.company;
    const department = company.departments[0]!;
    const division = company.divisions.find((d) => d.id === department.divisionId)!;
    const units = await g.query<{
      account: {
        groups: {
          nodes: { id: string; name: string; parent: { id: string; name: string } | null }[];
        };
      };
    }>(
      '{ account(id: "acme-google") { groups(first: 1000, type: ORG_UNIT) { nodes { id name parent { id name } } } } }',
    );
    const unit = units.data!.account.groups.nodes.find(
      (n) => n.name === department.name && n.parent?.name === division.name,
    )!;
    const result = await g.query<{ employees: { nodes: { remoteId: string }[] } }>(
      'query($d: [ID!]!) { employees(account: "acme-google", first: 500, filter: { departments: $d }) { nodes { remoteId } } }',
      { d: [unit.id, unit.parent!.id] },
    );
    expect(result.errors).toBeUndefined();
    const inDivision = new Set(
      company.departments.filter((d) => d.divisionId === division.id).map((d) => d.id),
    );
    expect(result.data!.employees.nodes.map((n) => n.remoteId)).toEqual(
      company.people
        .filter((p) => inDivision.has(company.currentJob(p).departmentId))
        .map((p) => googleUserId(p.id)),
    );
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
    const list = g.sandbox.log.entries({ path: '/admin/directory/v1/users' }).at(-1)!;
    expect(list.query.query).toBe(`orgUnitPath='/${division.name}'`);
  });
});

describe('Google Workspace: what the directory does not keep', () => {
  it('hireDate, compensations and time off are null, at no cost beyond checking the employee exists', async () => {
    const person = g.sandbox.company.people[3]!;
    const result = await g.query<{ employee: Record<string, unknown> }>(
      'query($id: ID!) { employee(id: $id) { hireDate compensations { remoteId } timeOff(start: "2026-01-01", end: "2026-12-31") { remoteId } } }',
      { id: gid(person) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.employee.hireDate).toBeNull();
    expect(result.data!.employee.compensations).toBeNull();
    expect(result.data!.employee.timeOff).toBeNull();
    // `employee(id:)` answers null for an id that does not exist, so that one read is owed;
    // the three fields Google cannot supply add nothing to it.
    expect(dataCalls(result.upstream)).toEqual(['google.users.get']);
  });

  it('last/before is refused: Google page tokens walk forward only', async () => {
    const result = await g.query('{ employees(account: "acme-google", last: 5) { nodes { id } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/forward only/);
    expect(dataCalls(result.upstream)).toEqual([]);
  });
});

describe('Google Workspace: groups and company', () => {
  it('org units (with parents) and groups; the customer as the company', async () => {
    const result = await g.query<{
      account: {
        company: { legalName: string; remoteId: string };
        groups: { nodes: { name: string; type: string; parent: { name: string } | null }[] };
      };
    }>(
      '{ account(id: "acme-google") { company { legalName remoteId } groups(first: 1000) { nodes { name type parent { name } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const company = g.sandbox.company;
    const { groups, company: info } = result.data!.account;
    expect(info.legalName).toBe(company.legalName);
    expect(info.remoteId).toBe(g.sandbox.customerId);
    const units = groups.nodes.filter((n) => n.type === 'ORG_UNIT');
    // The root, each division, each department.
    expect(units).toHaveLength(1 + company.divisions.length + company.departments.length);
    for (const department of company.departments) {
      const division = company.divisions.find((d) => d.id === department.divisionId)!;
      expect(units).toContainEqual({
        name: department.name,
        type: 'ORG_UNIT',
        parent: { name: division.name },
      });
    }
    expect(groups.nodes.filter((n) => n.type === 'GROUP')).toHaveLength(company.departments.length);
    // Org units and groups are cached per account; only the customer is read.
    expect(dataCalls(result.upstream)).toEqual(['google.customers.get']);
  });
});
