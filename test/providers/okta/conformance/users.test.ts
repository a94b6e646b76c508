/**
 * Okta users: listUsers (plain, filter, search, q, fields), getUser and listUserGroups, and their
 * error answers, checked against the official Management spec (the extract in specs/okta/).
 */
import { describe, expect, it } from 'vitest';
import { oktaUserId } from '../../../../src/sandbox/okta/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import {
  createOktaConformanceSandbox,
  expectOktaError,
} from '../../../conformance/support/okta-sandbox.js';

const { expectConformant, spec } = await loadConformance({ provider: 'okta' });
const { call, tokenWith, sandbox } = createOktaConformanceSandbox();

const listUsers = { method: 'get', pathTemplate: '/api/v1/users' } as const;
const getUser = { method: 'get', pathTemplate: '/api/v1/users/{id}' } as const;
const userGroups = { method: 'get', pathTemplate: '/api/v1/users/{id}/groups' } as const;
const NO_400 = 'listUsers declares no 400; Okta answers a bad filter or search with 400 E0000031';
const NO_401 =
  'the spec declares no 401 for reads; Okta answers a bad credential with 401 E0000011';

describe('listUsers (GET /api/v1/users)', () => {
  it.each([
    ['plain list', '?limit=20'],
    [
      'filter',
      `?filter=${encodeURIComponent('status eq "DEPROVISIONED" or status eq "SUSPENDED"')}`,
    ],
    [
      'search with sort',
      `?search=${encodeURIComponent('profile.lastName sw "a"')}&sortBy=profile.lastName&sortOrder=desc`,
    ],
    ['q', '?q=a'],
    ['fields projection', '?fields=status,profile:(firstName,city)'],
  ])('listUsers 200 conforms: %s', async (_name, query) => {
    const { body } = await expectConformant(await call('GET', `/api/v1/users${query}`), listUsers);
    expect(Array.isArray(body)).toBe(true);
  });

  it('listUsers 200 through an OAuth token with okta.users.read conforms', async () => {
    await expectConformant(await call('GET', '/api/v1/users?limit=5', 'token'), listUsers);
  });

  it('listUsers 403 E0000006 without okta.users.read, with the insufficient_scope challenge', async () => {
    const response = await call('GET', '/api/v1/users', tokenWith(['okta.groups.read']));
    const { headers } = await expectOktaError(expectConformant, spec, response, listUsers, {
      status: 403,
      errorCode: 'E0000006',
    });
    expect(headers.get('www-authenticate')).toMatch(/^Bearer .*error="insufficient_scope"/);
  });

  it('listUsers 429 E0000047 (spec example ErrorTooManyRequests) when a fault throttles', async () => {
    sandbox.faults.enqueue({ kind: '429' }, { path: '/api/v1/users' });
    const response = await call('GET', '/api/v1/users');
    await expectOktaError(expectConformant, spec, response, listUsers, {
      status: 429,
      errorCode: 'E0000047',
    });
  });

  it.each([
    ['unparsable filter', `filter=${encodeURIComponent('status eq')}`],
    ['filter on an unsupported attribute', `filter=${encodeURIComponent('profile.city eq "x"')}`],
    ['search with ne', `search=${encodeURIComponent('status ne "ACTIVE"')}`],
  ])('listUsers 400 E0000031: %s', async (_name, query) => {
    const response = await call('GET', `/api/v1/users?${query}`);
    await expectOktaError(expectConformant, spec, response, listUsers, {
      status: 400,
      errorCode: 'E0000031',
      undocumented: NO_400,
    });
  });

  it('listUsers 400 E0000001 for a limit that is not a positive integer', async () => {
    const response = await call('GET', '/api/v1/users?limit=abc');
    await expectOktaError(expectConformant, spec, response, listUsers, {
      status: 400,
      errorCode: 'E0000001',
      undocumented: NO_400,
    });
  });

  it.each([
    ['no credential', 'none'],
    ['a wrong SSWS token', { authorization: 'SSWS 00wrong' }],
    ['an unknown bearer token', { authorization: 'Bearer nope' }],
  ] as const)('listUsers 401 E0000011 with %s', async (_name, auth) => {
    await expectOktaError(
      expectConformant,
      spec,
      await call('GET', '/api/v1/users', auth),
      listUsers,
      {
        status: 401,
        errorCode: 'E0000011',
        undocumented: NO_401,
      },
    );
  });
});

describe('getUser (GET /api/v1/users/{id})', () => {
  it('getUser 200 conforms, by id and by login, with the declared ETag header', async () => {
    const person = sandbox.company.people[4]!;
    const byId = await expectConformant(
      await call('GET', `/api/v1/users/${oktaUserId(person.id)}`),
      getUser,
    );
    const byLogin = await expectConformant(
      await call('GET', `/api/v1/users/${encodeURIComponent(person.workEmail)}`),
      getUser,
    );
    expect(byLogin.body).toEqual(byId.body);
    expect(byId.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+"$/);
  });

  it('getUser 404 E0000007 for an unknown id', async () => {
    const response = await call('GET', '/api/v1/users/00u0000000000000x0g7');
    await expectOktaError(expectConformant, spec, response, getUser, {
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('getUser 403 E0000006 without okta.users.read', async () => {
    const response = await call(
      'GET',
      `/api/v1/users/${oktaUserId(1)}`,
      tokenWith(['okta.schemas.read']),
    );
    await expectOktaError(expectConformant, spec, response, getUser, {
      status: 403,
      errorCode: 'E0000006',
    });
  });
});

describe('listUserGroups (GET /api/v1/users/{id}/groups)', () => {
  it('listUserGroups 200 conforms', async () => {
    const { body } = await expectConformant(
      await call('GET', `/api/v1/users/${oktaUserId(1)}/groups`),
      userGroups,
    );
    expect((body as unknown[]).length).toBeGreaterThan(1);
  });

  it('listUserGroups 404 E0000007 for an unknown user', async () => {
    const response = await call('GET', '/api/v1/users/nobody@acme.example/groups');
    await expectOktaError(expectConformant, spec, response, userGroups, {
      status: 404,
      errorCode: 'E0000007',
    });
  });
});

describe('the converted spec still rejects what it should', () => {
  it('a user with an unknown status or a malformed email does not validate; null lifecycle dates do', () => {
    const validate = spec.validatorAt('/components/schemas/User');
    const user = {
      id: '00u1',
      status: 'ACTIVE',
      activated: null,
      profile: { email: 'a@b.example' },
    };
    expect(validate(user)).toBe(true);
    expect(validate({ ...user, status: 'RETIRED' })).toBe(false);
    expect(validate({ ...user, profile: { email: 'not an email' } })).toBe(false);
    expect(validate({ ...user, created: null })).toBe(false);
  });
});
