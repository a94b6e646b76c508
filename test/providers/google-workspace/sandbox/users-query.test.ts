/**
 * users.list `query` (a subset of the user search language), projection/customFieldMask,
 * viewType, `fields` partial responses, and the projection rules of the synthetic company.
 */
import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FIELD_LIMIT,
  googleUserId,
  personIdFromGoogleUserId,
} from '../../../../src/sandbox/google-workspace/index.js';
import { client, smallSandbox } from './support.js';

type User = Record<string, unknown> & {
  id: string;
  primaryEmail: string;
  orgUnitPath?: string;
  customSchemas?: Record<string, Record<string, unknown>>;
};
const sandbox = smallSandbox();
const get = client(sandbox);
const { company } = sandbox;

async function users(query: Record<string, string | number>): Promise<User[]> {
  const response = await get('/users', { customer: 'my_customer', maxResults: 500, ...query });
  expect(response.status).toBe(200);
  return ((await response.json()) as { users?: User[] }).users ?? [];
}
const ids = (list: User[]) =>
  list.map((u) => personIdFromGoogleUserId(u.id)).sort((a, b) => a! - b!);
const expected = (test: (p: (typeof company.people)[number]) => boolean) =>
  company.people.filter(test).map((p) => p.id);

describe('users.list query', () => {
  it('isSuspended=true finds exactly the terminated people', async () => {
    expect(ids(await users({ query: 'isSuspended=true' }))).toEqual(
      expected((p) => p.terminationDate !== null),
    );
  });
  it('email: is a prefix match; email= is exact', async () => {
    const target = company.people[9]!;
    const stem = target.workEmail.slice(0, 4);
    expect(ids(await users({ query: `email:${stem}` }))).toEqual(
      expected((p) => p.workEmail.startsWith(stem)),
    );
    expect(ids(await users({ query: `email=${target.workEmail.toUpperCase()}` }))).toEqual([
      target.id,
    ]);
  });
  it('orgUnitPath= matches the unit and every unit under it', async () => {
    const division = company.divisions[0]!.name;
    const found = await users({ query: `orgUnitPath='/${division}'` });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u) => u.orgUnitPath!.startsWith(`/${division}/`))).toBe(true);
    const departments = company.departments
      .filter((d) => d.divisionId === company.divisions[0]!.id)
      .map((d) => d.id);
    expect(ids(found)).toEqual(
      expected((p) => departments.includes(company.currentJob(p).departmentId)),
    );
  });
  it('directManager= is the direct manager; manager= anyone up the chain', async () => {
    const ceo = company.people[0]!;
    const direct = await users({ query: `directManager=${ceo.workEmail}` });
    expect(ids(direct)).toEqual(expected((p) => company.currentJob(p).managerId === 1));
    const all = await users({ query: `manager=${ceo.workEmail}` });
    expect(all.length).toBeGreaterThan(direct.length);
    expect(ids(all)).toEqual(expected((p) => p.id !== 1));
  });
  it('clauses combine with AND; quoted values may hold spaces', async () => {
    const department = company.departments[0]!.name;
    const found = await users({ query: `orgDepartment='${department}' isSuspended=false` });
    expect(ids(found)).toEqual(
      expected(
        (p) =>
          company.currentJob(p).departmentId === company.departments[0]!.id &&
          p.terminationDate === null,
      ),
    );
  });
  it('custom schema fields: EmployeeData.hireDate>…, EmployeeData.employmentType=…', async () => {
    expect(ids(await users({ query: 'EmployeeData.hireDate>2020-01-01' }))).toEqual(
      expected((p) => p.hireDate > '2020-01-01'),
    );
    const partTime = await users({
      query: "EmployeeData.employmentType='Part-Time'",
      projection: 'full',
    });
    expect(
      partTime.every((u) => u.customSchemas?.EmployeeData?.employmentType === 'Part-Time'),
    ).toBe(true);
  });
  it('an unsupported field or operator is 400 Invalid Input', async () => {
    for (const query of ['shoeSize=42', 'isAdmin:true', "email='unterminated", 'Nope.field=1']) {
      const response = await get('/users', { customer: 'my_customer', query });
      expect(response.status, query).toBe(400);
    }
  });
});

describe('users projection, viewType and fields', () => {
  it('basic has no customSchemas; custom has only the masked schemas; full has all', async () => {
    const key = `/users/${googleUserId(1)}`;
    const basic = (await (await get(key)).json()) as User;
    expect(basic.customSchemas).toBeUndefined();
    const custom = (await (
      await get(key, { projection: 'custom', customFieldMask: 'EmployeeData' })
    ).json()) as User;
    expect(Object.keys(custom.customSchemas!)).toEqual(['EmployeeData']);
    expect(custom.customSchemas!.EmployeeData).toMatchObject({
      hireDate: company.people[0]!.hireDate,
    });
    const full = (await (await get(key, { projection: 'full' })).json()) as User;
    expect(Object.keys(full.customSchemas!).sort()).toEqual(['CustomFields', 'EmployeeData']);
    expect(Object.keys(full.customSchemas!.CustomFields!).length).toBeLessThanOrEqual(
      CUSTOM_FIELD_LIMIT,
    );
  });
  it('schemas.list declares every schema and field a user carries', async () => {
    const { schemas } = (await (await get('/customer/my_customer/schemas')).json()) as {
      schemas: { schemaName: string; fields: { fieldName: string }[] }[];
    };
    const declared = new Map(
      schemas.map((s) => [s.schemaName, new Set(s.fields.map((f) => f.fieldName))]),
    );
    expect(declared.get('CustomFields')?.size).toBe(CUSTOM_FIELD_LIMIT);
    for (const user of await users({ projection: 'full' })) {
      for (const [schema, values] of Object.entries(user.customSchemas ?? {})) {
        for (const field of Object.keys(values))
          expect(declared.get(schema)?.has(field), `${schema}.${field}`).toBe(true);
      }
    }
  });
  it('domain_public hides admin-only fields and ADMINS_AND_SELF custom fields', async () => {
    const [user] = await users({ viewType: 'domain_public', projection: 'full', maxResults: 1 });
    expect(user).not.toHaveProperty('isAdmin');
    expect(user).not.toHaveProperty('suspended');
    expect(user).not.toHaveProperty('orgUnitPath');
    expect(user!.customSchemas?.EmployeeData).toBeUndefined();
  });
  it('fields=nextPageToken,users(id,primaryEmail,name/fullName) returns only those', async () => {
    const response = await get('/users', {
      customer: 'my_customer',
      maxResults: 2,
      fields: 'nextPageToken,users(id,primaryEmail,name/fullName)',
    });
    const body = (await response.json()) as { users: User[]; nextPageToken: string };
    expect(Object.keys(body).sort()).toEqual(['nextPageToken', 'users']);
    expect(body.users[0]).toEqual({
      id: googleUserId(1),
      primaryEmail: company.people[0]!.workEmail,
      name: { fullName: expect.any(String) },
    });
  });
  it('projection rules: ids, admin, suspension, manager relation, employee number, org unit', async () => {
    const all = await users({ projection: 'basic' });
    const admins = all.filter((u) => u.isAdmin === true);
    expect(admins.map((u) => u.primaryEmail)).toEqual([sandbox.adminEmail]);
    for (const user of all) {
      const person = company.person(personIdFromGoogleUserId(user.id)!)!;
      expect(user.id).toMatch(/^\d{21}$/);
      expect(user.primaryEmail).toBe(person.workEmail);
      expect(user.suspended).toBe(person.terminationDate !== null);
      expect(user.externalIds).toEqual([{ value: person.employeeNumber, type: 'organization' }]);
      const managerId = company.currentJob(person).managerId;
      const relations =
        managerId === null
          ? undefined
          : [{ type: 'manager', value: company.person(managerId)!.workEmail }];
      expect(user.relations).toEqual(relations);
      expect(user.orgUnitPath).toMatch(/^\/[^/]+\/[^/]+$/);
    }
  });
});
