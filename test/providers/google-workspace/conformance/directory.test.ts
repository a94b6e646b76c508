/**
 * Every served Directory API method, its successes and its errors, against the Discovery
 * document (admin.directory_v1.json): parameters, `response.$ref` schemas, Google's error format.
 */
import { describe, expect, it } from 'vitest';
import {
  createGoogleWorkspaceSandbox,
  SCOPES,
} from '../../../../src/sandbox/google-workspace/index.js';
import { createDiscoveryConformance } from '../../../conformance/support/discovery-conformance.js';
import { loadDiscovery } from '../../../conformance/support/discovery-schema.js';

const expectConformant = createDiscoveryConformance(loadDiscovery());
const sandbox = createGoogleWorkspaceSandbox({
  company: { seed: 7, size: 50, customFieldCount: 30 },
});
const admin = sandbox.issueAccessToken().accessToken;
const ORIGIN = 'http://admin.googleapis.test';

async function call(
  method: string,
  path: string,
  query: Record<string, string> = {},
  token: string | null = admin,
) {
  const url = new URL(`${ORIGIN}/admin/directory/v1${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await sandbox.app.fetch(new Request(url, { headers }));
  return expectConformant(response, { method, url });
}

const someone = sandbox.company.people[5]!;
const group = 'executive@acme.example';

describe('Directory API: successes conform to response.$ref', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['directory.users.list', '/users', { customer: 'my_customer' }],
    [
      'directory.users.list',
      '/users',
      { domain: 'acme.example', maxResults: '500', projection: 'full' },
    ],
    [
      'directory.users.list',
      '/users',
      { customer: sandbox.customerId, projection: 'custom', customFieldMask: 'EmployeeData' },
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', viewType: 'domain_public', projection: 'full' },
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', orderBy: 'familyName', sortOrder: 'DESCENDING' },
    ],
    ['directory.users.list', '/users', { customer: 'my_customer', query: 'isSuspended=true' }],
    ['directory.users.list', '/users', { customer: 'my_customer', showDeleted: 'true' }],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', fields: 'nextPageToken,users(id,primaryEmail,name/fullName)' },
    ],
    ['directory.users.get', `/users/${someone.workEmail}`, { projection: 'full' }],
    ['directory.users.get', '/users/1', {}],
    ['directory.groups.list', '/groups', { customer: 'my_customer', maxResults: '3' }],
    ['directory.groups.list', '/groups', { userKey: someone.workEmail }],
    ['directory.groups.get', `/groups/${group}`, {}],
    ['directory.members.list', `/groups/${group}/members`, { maxResults: '2' }],
    ['directory.orgunits.list', '/customer/my_customer/orgunits', {}],
    [
      'directory.orgunits.list',
      `/customer/${sandbox.customerId}/orgunits`,
      { type: 'allIncludingParent' },
    ],
    ['directory.schemas.list', '/customer/my_customer/schemas', {}],
    ['directory.customers.get', '/customers/my_customer', {}],
  ];
  // users.get with '/users/1' is a 404 (1 is no Google id); it lands in the error table below.
  for (const [method, path, query] of cases.filter(([, path]) => path !== '/users/1')) {
    it(`${method} ${path} ${new URLSearchParams(query)}`, async () => {
      const result = await call(method, path, query);
      expect(result.status).toBe(200);
    });
  }
});

describe('Directory API: errors are Google JSON errors with the documented reasons', () => {
  const cases: [string, string, Record<string, string>, number, string][] = [
    ['directory.users.list', '/users', {}, 400, 'badRequest'],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', maxResults: '501' },
      400,
      'invalidParameter',
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', maxResults: '0' },
      400,
      'invalidParameter',
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', orderBy: 'age' },
      400,
      'invalidParameter',
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', pageToken: 'garbage' },
      400,
      'invalid',
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', query: 'favouriteColour=blue' },
      400,
      'invalid',
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', customFieldMask: 'EmployeeData' },
      400,
      'invalidParameter',
    ],
    [
      'directory.users.list',
      '/users',
      { customer: 'my_customer', fields: 'users(shoeSize)' },
      400,
      'invalidParameter',
    ],
    ['directory.users.list', '/users', { customer: 'C0other00' }, 403, 'forbidden'],
    ['directory.users.list', '/users', { domain: 'elsewhere.example' }, 403, 'forbidden'],
    ['directory.users.get', '/users/nobody@acme.example', {}, 404, 'notFound'],
    ['directory.users.get', '/users/1', {}, 404, 'notFound'],
    ['directory.groups.list', '/groups', {}, 400, 'badRequest'],
    [
      'directory.groups.list',
      '/groups',
      { customer: 'my_customer', maxResults: '201' },
      400,
      'invalidParameter',
    ],
    ['directory.groups.get', '/groups/nope@acme.example', {}, 404, 'notFound'],
    ['directory.members.list', '/groups/nope@acme.example/members', {}, 404, 'notFound'],
    [
      'directory.members.list',
      `/groups/${group}/members`,
      { maxResults: '500' },
      400,
      'invalidParameter',
    ],
    [
      'directory.orgunits.list',
      '/customer/my_customer/orgunits',
      { type: 'some' },
      400,
      'invalidParameter',
    ],
    [
      'directory.orgunits.list',
      '/customer/my_customer/orgunits',
      { orgUnitPath: '/Nowhere' },
      404,
      'notFound',
    ],
    ['directory.schemas.list', '/customer/C0other00/schemas', {}, 403, 'forbidden'],
    ['directory.customers.get', '/customers/C0other00', {}, 403, 'forbidden'],
  ];
  for (const [method, path, query, status, reason] of cases) {
    it(`${method} ${path} ${new URLSearchParams(query)} → ${status} ${reason}`, async () => {
      const result = await call(method, path, query);
      expect([result.status, result.reason]).toEqual([status, reason]);
    });
  }
});

describe('Directory API: authentication and authorisation errors', () => {
  it('no token → 401 required, with WWW-Authenticate', async () => {
    const result = await call('directory.users.list', '/users', { customer: 'my_customer' }, null);
    expect([result.status, result.reason]).toEqual([401, 'required']);
  });
  it('an unknown token → 401 authError, WWW-Authenticate error="invalid_token"', async () => {
    const result = await call(
      'directory.users.list',
      '/users',
      { customer: 'my_customer' },
      'ya29.c.nope',
    );
    expect([result.status, result.reason]).toEqual([401, 'authError']);
    expect(result.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
  it('a token without the method’s scope → 403 insufficientPermissions', async () => {
    const token = sandbox.issueAccessToken([SCOPES.groupReadonly]).accessToken;
    const result = await call('directory.users.list', '/users', { customer: 'my_customer' }, token);
    expect([result.status, result.reason]).toEqual([403, 'insufficientPermissions']);
    expect(result.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });
  it('a non-admin subject → 403 forbidden', async () => {
    const token = sandbox.issueAccessToken(undefined, someone.workEmail).accessToken;
    const result = await call('directory.customers.get', '/customers/my_customer', {}, token);
    expect([result.status, result.reason]).toEqual([403, 'forbidden']);
  });
});
