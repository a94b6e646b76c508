/**
 * How the synthetic company becomes an Okta org: one user per person with a deterministic id,
 * the same work email as login and email (the join key across sandboxes), profile attributes
 * from the person's record, custom attributes declared in the user schema, and groups.
 */
import { describe, expect, it } from 'vitest';
import { createCompany } from '../../../../src/sandbox/company/index.js';
import {
  createOktaSandbox,
  oktaGroupId,
  oktaUserId,
  parseOktaGroupId,
  personIdFromOktaUserId,
} from '../../../../src/sandbox/okta/index.js';
import { oktaFixture, type User } from './support.js';

const { sandbox, getJson, get } = oktaFixture();
const { company } = sandbox;

describe('Okta ids', () => {
  it('oktaUserId is 00u + 17 characters, sorts as person ids do, and inverts', () => {
    const ids = [1, 2, 61, 62, 63, 3844, 99_999, 100_000].map(oktaUserId);
    for (const id of ids) expect(id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(personIdFromOktaUserId)).toEqual([1, 2, 61, 62, 63, 3844, 99_999, 100_000]);
    expect(personIdFromOktaUserId(`${oktaUserId(5).slice(0, -1)}X`)).toBeNull();
    expect(personIdFromOktaUserId('00g0000000000000000')).toBeNull();
    const group = oktaGroupId('department', 3);
    expect(group).toMatch(/^00g[0-9A-Za-z]{17}$/);
    expect(parseOktaGroupId(group)).toEqual({ kind: 'department', index: 3 });
  });
});

describe('Okta users from people', () => {
  it('profile: login/email = workEmail, names, title, org units, manager id and name, address', async () => {
    const person = company.people.find(
      (p) => company.currentJob(p).managerId !== null && p.status === 'Active',
    )!;
    const job = company.currentJob(person);
    const manager = company.person(job.managerId!)!;
    const user = await getJson<User>(`/api/v1/users/${oktaUserId(person.id)}`);
    expect(user.profile).toMatchObject({
      login: person.workEmail,
      email: person.workEmail,
      secondEmail: person.homeEmail,
      firstName: person.firstName,
      lastName: person.lastName,
      middleName: person.middleName,
      nickName: person.preferredName,
      displayName: `${person.preferredName ?? person.firstName} ${person.lastName}`,
      title: company.jobTitles.find((t) => t.id === job.jobTitleId)!.name,
      department: company.departments.find((d) => d.id === job.departmentId)!.name,
      division: company.divisions.find((d) => d.id === job.divisionId)!.name,
      organization: company.displayName,
      employeeNumber: person.employeeNumber,
      managerId: oktaUserId(manager.id),
      manager: `${manager.preferredName ?? manager.firstName} ${manager.lastName}`,
      city: person.address.city,
      zipCode: person.address.zip,
      countryCode: person.address.country,
    });
    expect(user._links).toMatchObject({
      self: { href: `http://acme.okta.test/api/v1/users/${user.id}` },
    });
    expect(user.credentials).toMatchObject({ provider: { type: 'OKTA', name: 'OKTA' } });
  });

  it('userType follows the employment status; a deprovisioned contractor stays Contractor', async () => {
    const users = await getJson<User[]>(
      `/api/v1/users?search=${encodeURIComponent('profile.userType pr')}`,
    );
    const types = new Set(users.map((u) => u.profile.userType));
    expect(types).toContain('Employee');
    for (const user of users) {
      const person = company.person(personIdFromOktaUserId(user.id)!)!;
      const last = person.statusHistory.filter((s) => s.status !== 'Terminated').at(-1)!.status;
      const expected = { 'Full-Time': 'Employee', 'Part-Time': 'Employee' }[last as string] ?? last;
      expect(user.profile.userType).toBe(expected);
    }
  });

  it('lifecycle dates: created from the record, lastUpdated ≥ created, DEPROVISIONED statusChanged not before activation', async () => {
    const users = await getJson<User[]>(`/api/v1/users?search=${encodeURIComponent('status pr')}`);
    for (const user of users) {
      const person = company.person(personIdFromOktaUserId(user.id)!)!;
      expect(user.created).toBe(new Date(person.created).toISOString());
      expect(user.lastUpdated >= (user.created as string)).toBe(true);
      if (user.status === 'DEPROVISIONED')
        expect(user.statusChanged! >= (user.activated as string)).toBe(true);
    }
  });

  it('getUser by login is case-insensitive, and /users/me is the API token’s user (person 1)', async () => {
    const person = company.person(9)!;
    const byLogin = await getJson<User>(
      `/api/v1/users/${encodeURIComponent(person.workEmail.toUpperCase())}`,
    );
    expect(byLogin.id).toBe(oktaUserId(9));
    expect((await getJson<User>('/api/v1/users/me')).id).toBe(oktaUserId(1));
  });

  it('one shared company: the same person has the same work email in two sandboxes', async () => {
    const shared = createCompany({ seed: 4, size: 20, customFieldCount: 0 });
    const a = createOktaSandbox({ company: shared });
    const b = createOktaSandbox({ company: shared });
    expect(a.company).toBe(shared);
    expect(a.directory.user(shared.people[3]!, 'x')).toEqual(
      b.directory.user(shared.people[3]!, 'x'),
    );
  });
});

describe('Okta custom attributes', () => {
  it('the first 25 custom fields are flat profile attributes, typed as the user schema declares', async () => {
    const schema = await getJson<{
      definitions: { custom: { properties: Record<string, { type: string; enum?: string[] }> } };
    }>('/api/v1/meta/schemas/user/default');
    const declared = schema.definitions.custom.properties;
    expect(Object.keys(declared)).toEqual(company.customFields.slice(0, 25).map((f) => f.alias));
    const users = await getJson<User[]>('/api/v1/users?limit=50');
    for (const [name, definition] of Object.entries(declared)) {
      const values = users.map((u) => u.profile[name]).filter((v) => v !== null);
      expect(values.length, name).toBeGreaterThan(0);
      for (const value of values) {
        const expected = definition.type === 'integer' ? 'number' : definition.type;
        expect(typeof value, name).toBe(expected);
        if (definition.type === 'integer') expect(Number.isInteger(value)).toBe(true);
        if (definition.enum) expect(definition.enum).toContain(value);
      }
    }
  });
});

describe('Okta groups', () => {
  it('Everyone (BUILT_IN) first, then one OKTA_GROUP per department, division and location', async () => {
    const groups =
      await getJson<Array<{ id: string; type: string; profile: { name: string } }>>(
        '/api/v1/groups',
      );
    expect(groups[0]).toMatchObject({ type: 'BUILT_IN', profile: { name: 'Everyone' } });
    expect(groups).toHaveLength(
      1 + company.departments.length + company.divisions.length + company.locations.length,
    );
    expect(groups.slice(1).every((g) => g.type === 'OKTA_GROUP')).toBe(true);
  });

  it('members are the current, non-deprovisioned people of the unit; a user’s groups agree', async () => {
    const department = company.departments[1]!;
    const members = await getJson<User[]>(
      `/api/v1/groups/${oktaGroupId('department', department.id)}/users`,
    );
    const expected = company.people.filter(
      (p) => p.status === 'Active' && company.currentJob(p).departmentId === department.id,
    );
    expect(members.map((u) => u.id)).toEqual(expected.map((p) => oktaUserId(p.id)));
    const mine = await getJson<Array<{ id: string }>>(
      `/api/v1/users/${oktaUserId(expected[0]!.id)}/groups`,
    );
    expect(mine.map((g) => g.id)).toContain(oktaGroupId('department', department.id));
    expect(mine[0]!.id).toBe(oktaGroupId('everyone', 0));
    const gone = company.people.find((p) => p.status === 'Inactive')!;
    expect(await getJson(`/api/v1/users/${oktaUserId(gone.id)}/groups`)).toEqual([]);
  });

  it('listGroups q is a name prefix; expand=stats counts members', async () => {
    const everyone = await getJson<
      Array<{ profile: { name: string }; _embedded?: { stats: { usersCount: number } } }>
    >('/api/v1/groups?q=every&expand=stats');
    expect(everyone.map((g) => g.profile.name)).toEqual(['Everyone']);
    const active = company.people.filter((p) => p.status === 'Active').length;
    expect(everyone[0]!._embedded?.stats.usersCount).toBe(active);
    expect((await get('/api/v1/groups?limit=0')).status).toBe(400);
  });
});
