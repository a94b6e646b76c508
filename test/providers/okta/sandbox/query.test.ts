/**
 * listUsers semantics the spec's parameter descriptions state: DEPROVISIONED left out of a plain
 * list and q, included by filter and search; filter is `eq` (and gt/lt on lastUpdated) over a few
 * attributes, case-sensitive; search is case-insensitive over profile and top-level attributes
 * with eq/sw/co; `fields` projects, keeping `id`.
 */
import { describe, expect, it } from 'vitest';
import { oktaUserId, oktaUserStatus } from '../../../../src/sandbox/okta/index.js';
import { oktaFixture, q, type User } from './support.js';

const { sandbox, getJson, get } = oktaFixture();
const { company } = sandbox;
const statusOf = (id: number) => oktaUserStatus(company, company.person(id)!);
const all = (path: string) => getJson<User[]>(path);

describe('Okta listUsers: which users', () => {
  it('a plain list leaves out DEPROVISIONED users; filter and search include them', async () => {
    const deprovisioned = company.people.filter((p) => statusOf(p.id) === 'DEPROVISIONED');
    expect(deprovisioned.length).toBeGreaterThan(0);
    const plain = await all('/api/v1/users');
    expect(plain).toHaveLength(200 - deprovisioned.length);
    expect(plain.some((u) => u.status === 'DEPROVISIONED')).toBe(false);
    const filtered = await all(`/api/v1/users?filter=${q('status eq "DEPROVISIONED"')}`);
    expect(filtered.map((u) => u.id)).toEqual(deprovisioned.map((p) => oktaUserId(p.id)));
    const searched = await all(`/api/v1/users?search=${q('status eq "deprovisioned"')}`);
    expect(searched.map((u) => u.id)).toEqual(deprovisioned.map((p) => oktaUserId(p.id)));
  });

  it('the status rule: every status the rule names appears, and person 1 is ACTIVE', async () => {
    const statuses = new Set(company.people.map((p) => statusOf(p.id)));
    for (const status of [
      'ACTIVE',
      'DEPROVISIONED',
      'STAGED',
      'SUSPENDED',
      'LOCKED_OUT',
      'PASSWORD_EXPIRED',
    ])
      expect(statuses).toContain(status);
    expect(statusOf(1)).toBe('ACTIVE');
    const staged = (await all(`/api/v1/users?filter=${q('status eq "STAGED"')}`))[0]!;
    expect(staged.activated).toBeNull();
    expect(staged.lastLogin).toBeNull();
  });

  it('filter: profile.login eq is exact and case-sensitive; and/or/parentheses combine', async () => {
    const person = company.person(42)!;
    const exact = await all(`/api/v1/users?filter=${q(`profile.login eq "${person.workEmail}"`)}`);
    expect(exact.map((u) => u.id)).toEqual([oktaUserId(42)]);
    const upper = await all(
      `/api/v1/users?filter=${q(`profile.login eq "${person.workEmail.toUpperCase()}"`)}`,
    );
    expect(upper).toEqual([]);
    const either = await all(
      `/api/v1/users?filter=${q(`(status eq "SUSPENDED" or status eq "LOCKED_OUT") and lastUpdated gt "2000-01-01T00:00:00.000Z"`)}`,
    );
    expect(either.length).toBeGreaterThan(0);
    expect(either.every((u) => u.status === 'SUSPENDED' || u.status === 'LOCKED_OUT')).toBe(true);
  });

  it('filter: lastUpdated gt/lt bound the range by instant', async () => {
    const users = await all(`/api/v1/users?filter=${q('status eq "ACTIVE"')}`);
    const sorted = users.map((u) => u.lastUpdated).sort();
    const pivot = sorted[Math.floor(sorted.length / 2)]!;
    const after = await all(
      `/api/v1/users?filter=${q(`lastUpdated gt "${pivot}" and status eq "ACTIVE"`)}`,
    );
    const before = await all(
      `/api/v1/users?filter=${q(`lastUpdated lt "${pivot}" and status eq "ACTIVE"`)}`,
    );
    expect(after.every((u) => u.lastUpdated > pivot)).toBe(true);
    expect(before.every((u) => u.lastUpdated < pivot)).toBe(true);
    const equal = users.filter((u) => u.lastUpdated === pivot).length;
    expect(after.length + before.length + equal).toBe(users.length);
  });

  it('filter refuses operators other than eq on anything but lastUpdated (400 E0000031)', async () => {
    for (const filter of [
      'profile.firstName sw "A"',
      'status gt "A"',
      'profile.department eq "x"',
      'status eq "A" and',
    ]) {
      const response = await get(`/api/v1/users?filter=${q(filter)}`);
      expect(response.status, filter).toBe(400);
      expect(((await response.json()) as { errorCode: string }).errorCode).toBe('E0000031');
    }
  });

  it('search: case-insensitive eq, sw and co; custom attributes are searchable', async () => {
    const person = company.person(17)!;
    const byName = await all(
      `/api/v1/users?search=${q(`profile.firstName eq "${person.firstName.toUpperCase()}"`)}`,
    );
    expect(byName.map((u) => u.id)).toContain(oktaUserId(17));
    expect(
      byName.every(
        (u) => String(u.profile.firstName).toLowerCase() === person.firstName.toLowerCase(),
      ),
    ).toBe(true);
    const sw = await all(`/api/v1/users?search=${q('profile.lastName sw "b"')}`);
    expect(sw.every((u) => String(u.profile.lastName).toLowerCase().startsWith('b'))).toBe(true);
    const co = await all(`/api/v1/users?search=${q('profile.email co "an"')}`);
    expect(co.length).toBeGreaterThan(0);
    expect(co.every((u) => String(u.profile.email).includes('an'))).toBe(true);
    const attribute = sandbox.directory.customAttributes.find((a) => a.options.length > 0)!;
    const option = attribute.options[0]!;
    const custom = await all(
      `/api/v1/users?search=${q(`profile.${attribute.name} eq "${option}"`)}`,
    );
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.every((u) => u.profile[attribute.name] === option)).toBe(true);
  });

  it('search: co only on firstName/lastName/email/login, no ne, unknown attributes refused', async () => {
    for (const search of ['profile.city co "a"', 'status ne "ACTIVE"', 'profile.nothing eq "x"']) {
      expect((await get(`/api/v1/users?search=${q(search)}`)).status, search).toBe(400);
    }
  });

  it('fields: id,status,profile:(firstName,city) keeps exactly those (id always)', async () => {
    const users = await all(
      `/api/v1/users?limit=3&fields=${q('status,profile:(firstName, city)')}`,
    );
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(['id', 'profile', 'status']);
      expect(Object.keys(user.profile).sort()).toEqual(['city', 'firstName']);
    }
    const log = sandbox.log.entries({ path: '/api/v1/users' }).at(-1)!;
    expect(log.fieldsAsked).toEqual(['profile.firstName', 'profile.city', 'status']);
  });
});

describe('Okta OktaResponse header', () => {
  it('Content-Type okta-response=omitCredentials drops the credentials subobject (listUsers and getUser)', async () => {
    const headers = {
      authorization: `SSWS ${sandbox.apiToken()}`,
      'content-type': 'application/json; okta-response=omitCredentials,omitCredentialsLinks',
    };
    for (const path of ['/api/v1/users?limit=2', `/api/v1/users/${oktaUserId(1)}`]) {
      const response = await sandbox.app.fetch(
        new Request(`http://acme.okta.test${path}`, { headers }),
      );
      const body = (await response.json()) as User | User[];
      for (const user of Array.isArray(body) ? body : [body]) {
        expect(user.credentials).toBeUndefined();
        expect(user.profile.login).toEqual(expect.any(String));
      }
    }
    expect((await all('/api/v1/users?limit=1'))[0]!.credentials).toBeDefined();
  });
});
