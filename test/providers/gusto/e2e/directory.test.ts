/**
 * Gusto end to end: hrgraph's GraphQL over the Gusto adapter over the sandbox. Values are checked
 * against the synthetic company (`sandbox.company`), and every query's provider calls against the
 * minimum: every employee read is the employee list, a page of it or ⌈N / 100⌉ `uuids` calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, remoteId } from '../../../../src/core/ids.js';
import type { Person } from '../../../../src/sandbox/company/types.js';
import { gustoEmployeeUuid, personIdFromGustoUuid } from '../../../../src/sandbox/gusto/index.js';
import { toGlobalId } from '../../../../src/schema/global-id.js';
import { type GustoFixture, startGusto } from '../../../support/gusto.js';
import { operations } from '../../../support/hrgraph.js';

let gusto: GustoFixture;
beforeAll(async () => {
  gusto = await startGusto({ company: { seed: 11, size: 400 } });
});
afterAll(() => gusto.close());

interface Node {
  remoteId: string;
  [field: string]: unknown;
}
const nodesOf = (data: unknown) => (data as { employees: { nodes: Node[] } }).employees.nodes;
const personOf = (uuid: string): Person =>
  gusto.sandbox.company.person(personIdFromGustoUuid(uuid)!)!;

describe('Gusto: a directory page against the synthetic company', () => {
  it('maps names, emails, job, department, manager, dates and status; 1 list call + ⌈managers outside the page / 100⌉', async () => {
    const { company } = gusto.sandbox;
    const result = await gusto.query(/* GraphQL */ `{
      employees(account: "gusto", first: 100) {
        totalCount
        nodes {
          remoteId employeeNumber firstName lastName preferredName workEmail personalEmail
          mobilePhone jobTitle hireDate dateOfBirth terminationDate
          employmentStatus employmentStatusRaw employmentSchedule employmentScheduleRaw
          department { remoteId name }
          location { remoteId }
          manager { remoteId displayName }
          homeAddress { line1 city postalCode country }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = nodesOf(result.data);
    expect((result.data as { employees: { totalCount: number } }).employees.totalCount).toBe(400);
    expect(nodes.map((n) => n.remoteId)).toEqual(
      company.people.slice(0, 100).map((p) => gustoEmployeeUuid(p.id)),
    );
    for (const node of nodes) {
      const person = personOf(node.remoteId);
      const job = company.currentJob(person);
      const terminated = company.currentStatus(person).status === 'Terminated';
      expect(node).toMatchObject({
        employeeNumber: person.employeeNumber,
        firstName: person.firstName,
        lastName: person.lastName,
        preferredName: person.preferredName,
        workEmail: person.workEmail,
        personalEmail: person.homeEmail,
        mobilePhone: person.mobilePhone,
        jobTitle: company.jobTitles.find((t) => t.id === job.jobTitleId)?.name,
        hireDate: person.hireDate,
        dateOfBirth: person.dateOfBirth,
        department: { name: company.departments.find((d) => d.id === job.departmentId)?.name },
        manager: job.managerId === null ? null : { remoteId: gustoEmployeeUuid(job.managerId) },
        homeAddress: { line1: person.address.line1, city: person.address.city },
      });
      const ended = terminated && person.terminationDate! <= company.today;
      expect(node.employmentStatus).toBe(ended ? 'INACTIVE' : 'ACTIVE');
      expect(node.terminationDate).toBe(ended ? person.terminationDate : null);
      expect(node.employmentScheduleRaw).toEqual(expect.any(String));
    }
    expect(nodes.some((n) => n.employmentStatus === 'INACTIVE')).toBe(true);
    const onPage = new Set(nodes.map((n) => n.remoteId));
    const outside = new Set(
      nodes
        .map((n) => (n.manager as Node | null)?.remoteId)
        .filter((id): id is string => id !== undefined && !onPage.has(id)),
    );
    // The page, the managers outside it, and the departments and locations lists.
    const minimum = 1 + Math.ceil(outside.size / 100) + 2;
    expect(result.upstream.calls).toBe(minimum);
    expect(operations(result.upstream).sort()).toEqual(
      [
        'gusto.departments',
        'gusto.employees.list',
        'gusto.locations',
        ...(outside.size > 0 ? ['gusto.employees.byUuids'] : []),
      ].sort(),
    );
  });

  it('nodes(ids:) for 250 people: ⌈250 / 100⌉ = 3 uuids calls, unknown ids are null', async () => {
    const people = gusto.sandbox.company.people.filter((p) => p.id % 3 !== 0).slice(0, 250);
    const ids = people.map((p) =>
      toGlobalId('Employee', {
        accountId: accountId('gusto'),
        remoteId: remoteId(gustoEmployeeUuid(p.id)),
      }),
    );
    const unknown = toGlobalId('Employee', {
      accountId: accountId('gusto'),
      remoteId: remoteId(gustoEmployeeUuid(99_999)),
    });
    const result = await gusto.query(
      /* GraphQL */ `query ($ids: [ID!]!) {
        nodes(ids: $ids) { ... on Employee { remoteId workEmail jobTitle } }
      }`,
      { ids: [...ids, unknown] },
    );
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as { nodes: (Node | null)[] }).nodes;
    expect(nodes.slice(0, 250).map((n) => n?.workEmail)).toEqual(people.map((p) => p.workEmail));
    expect(nodes[250]).toBeNull();
    expect(result.upstream.calls).toBe(3);
    // The planner spreads 251 ids evenly over the three calls it needs (at most 100 each).
    expect(result.upstream.entries.map((e) => e.ids).sort()).toEqual([83, 84, 84]);
  });

  it('pay, jobs and status history of a page: the page + one all_compensations call; jobs and terminations ride on the rows', async () => {
    const result = await gusto.query(/* GraphQL */ `{
      employees(account: "gusto", first: 100, after: null) {
        nodes {
          remoteId
          compensations { effectiveDate pay { amount currency } payPeriod payPeriodRaw flsaStatus flsaStatusRaw }
          employments { jobTitle effectiveDate }
          statusHistory { effectiveDate employmentStatus }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(operations(result.upstream)).toEqual([
      'gusto.employees.list',
      'gusto.employees.byUuids',
    ]);
    const byUuids = result.upstream.entries[1]!;
    expect(byUuids.ids).toBe(100);
    for (const node of nodesOf(result.data)) {
      const person = personOf(node.remoteId);
      const pay = node.compensations as { effectiveDate: string; pay: { currency: string } }[];
      expect(pay.map((c) => c.effectiveDate)).toEqual(
        person.compensationHistory.map((row) => row.effectiveDate),
      );
      expect(pay.every((c) => c.pay.currency === 'USD')).toBe(true);
      expect(node.employments).toHaveLength(1);
      const history = node.statusHistory as { effectiveDate: string; employmentStatus: string }[];
      expect(history[0]).toEqual({ effectiveDate: person.hireDate, employmentStatus: 'ACTIVE' });
      expect(history.slice(1).map((h) => h.effectiveDate)).toEqual(
        person.statusHistory.filter((r) => r.status === 'Terminated').map((r) => r.effectiveDate),
      );
    }
  });

  it('custom fields by name ride on the page (include=custom_fields); an unknown name is BAD_USER_INPUT', async () => {
    const field = gusto.sandbox.company.customFields[0]!;
    const result = await gusto.query(
      /* GraphQL */ `query ($names: [String!]!) {
        employees(account: "gusto", first: 20) { nodes { remoteId customFields(names: $names) } }
      }`,
      { names: [field.name.toUpperCase()] },
    );
    expect(result.errors).toBeUndefined();
    for (const node of nodesOf(result.data)) {
      const value = gusto.sandbox.company.customValue(personOf(node.remoteId), field);
      const shown = (node.customFields as Record<string, unknown>)[field.name.toUpperCase()];
      if (field.type === 'checkbox')
        expect(shown).toBe(value === null ? null : value === 'yes' ? 'Yes' : 'No');
      else expect(shown).toBe(value);
    }
    const lists = result.upstream.entries.filter((e) => e.operation === 'gusto.employees.list');
    expect(lists).toHaveLength(1);
    const bad = await gusto.query(
      `{ employees(account: "gusto", first: 1) { nodes { customFields(names: ["No Such Field"]) } } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('fields Gusto cannot supply are null at no cost beyond the page; time off (no Gusto endpoint) costs nothing', async () => {
    const result = await gusto.query(/* GraphQL */ `{
      employees(account: "gusto", first: 50) {
        nodes { gender maritalStatus workPhone homePhone avatarUrl createdAt division { name } timeOff { remoteId } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    for (const node of nodesOf(result.data)) {
      expect(node).toEqual({
        gender: null,
        maritalStatus: null,
        workPhone: null,
        homePhone: null,
        avatarUrl: null,
        createdAt: null,
        division: null,
        timeOff: null,
      });
    }
    expect(operations(result.upstream)).toEqual(['gusto.employees.list']);
  });

  it('time-off balances of a page: one time_off_policies call for everyone', async () => {
    const result = await gusto.query(/* GraphQL */ `{
      employees(account: "gusto", first: 100, filter: { status: ACTIVE }) {
        nodes { remoteId timeOffBalances { balance used unit type { name } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(operations(result.upstream)).toEqual(['gusto.employees.list', 'gusto.timeOffPolicies']);
    const { company } = gusto.sandbox;
    for (const node of nodesOf(result.data)) {
      const person = personOf(node.remoteId);
      const balances = node.timeOffBalances as {
        balance: number;
        used: number | null;
        type: { name: string };
      }[];
      // Gusto's policy list gives balances only: usage is unknown, never a made-up 0.
      expect(balances.every((b) => b.used === null)).toBe(true);
      const vacation = company.timeOffTypes.find((t) => t.name === 'Vacation')!;
      const hours =
        Number(company.timeOffBalance(person, vacation).balance) *
        (vacation.units === 'days' ? 8 : 1);
      expect(balances.find((b) => b.type.name === 'Vacation')?.balance).toBeCloseTo(hours, 2);
    }
  });

  it('company(): one GET /v1/companies/{id}', async () => {
    const result = await gusto.query(/* GraphQL */ `{
      accounts { company { legalName displayName } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      accounts: [
        {
          company: {
            legalName: gusto.sandbox.company.legalName,
            displayName: gusto.sandbox.company.displayName,
          },
        },
      ],
    });
    expect(operations(result.upstream)).toEqual(['gusto.company']);
  });
});
