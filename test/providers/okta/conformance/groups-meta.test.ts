/**
 * Okta groups (listGroups, getGroup, listGroupUsers), the user schema, org settings and org
 * metadata, and their error answers, checked against the official Management spec.
 */
import { describe, expect, it } from 'vitest';
import { oktaGroupId } from '../../../../src/sandbox/okta/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import {
  createOktaConformanceSandbox,
  expectOktaError,
} from '../../../conformance/support/okta-sandbox.js';

const { expectConformant, spec } = await loadConformance({ provider: 'okta' });
const { call, tokenWith, sandbox } = createOktaConformanceSandbox();

const listGroups = { method: 'get', pathTemplate: '/api/v1/groups' } as const;
const getGroup = { method: 'get', pathTemplate: '/api/v1/groups/{groupId}' } as const;
const groupUsers = { method: 'get', pathTemplate: '/api/v1/groups/{groupId}/users' } as const;
const userSchema = { method: 'get', pathTemplate: '/api/v1/meta/schemas/user/{schemaId}' } as const;
const orgSettings = { method: 'get', pathTemplate: '/api/v1/org' } as const;
const orgMetadata = { method: 'get', pathTemplate: '/.well-known/okta-organization' } as const;
const everyone = oktaGroupId('everyone', 0);
const department = oktaGroupId('department', sandbox.company.departments[0]!.id);

describe('listGroups (GET /api/v1/groups)', () => {
  it.each([
    ['plain list', '?limit=5'],
    ['q', '?q=E'],
    ['filter', `?filter=${encodeURIComponent('type eq "OKTA_GROUP"')}`],
    ['search', `?search=${encodeURIComponent('profile.name sw "e" and type eq "OKTA_GROUP"')}`],
    ['expand=stats', '?expand=stats'],
  ])('listGroups 200 conforms: %s', async (_name, query) => {
    const { body } = await expectConformant(
      await call('GET', `/api/v1/groups${query}`),
      listGroups,
    );
    expect((body as unknown[]).length).toBeGreaterThan(0);
  });

  it('listGroups 403 E0000006 without okta.groups.read', async () => {
    const response = await call('GET', '/api/v1/groups', tokenWith(['okta.users.read']));
    await expectOktaError(expectConformant, spec, response, listGroups, {
      status: 403,
      errorCode: 'E0000006',
    });
  });

  it('listGroups 429 E0000047 when a fault throttles', async () => {
    sandbox.faults.enqueue({ kind: '429', retryAfter: { seconds: 3 } }, { path: '/api/v1/groups' });
    const response = await call('GET', '/api/v1/groups');
    const { headers } = await expectOktaError(expectConformant, spec, response, listGroups, {
      status: 429,
      errorCode: 'E0000047',
    });
    expect(headers.get('retry-after')).toBe('3');
  });

  it('listGroups 400 E0000031 for a filter on an unsupported attribute', async () => {
    const response = await call(
      'GET',
      `/api/v1/groups?filter=${encodeURIComponent('profile.name eq "x"')}`,
    );
    await expectOktaError(expectConformant, spec, response, listGroups, {
      status: 400,
      errorCode: 'E0000031',
      undocumented: 'listGroups declares no 400; Okta answers a bad filter with 400 E0000031',
    });
  });

  it('listGroups 503 with an Okta Error body when a fault asks for one', async () => {
    sandbox.faults.enqueue({ kind: '503' }, { path: '/api/v1/groups' });
    const response = await call('GET', '/api/v1/groups');
    await expectOktaError(expectConformant, spec, response, listGroups, {
      status: 503,
      errorCode: 'E0000009',
      undocumented:
        'the spec declares no 503; the sandbox answers an injected one with an Error body',
    });
  });
});

describe('getGroup and listGroupUsers', () => {
  it('getGroup 200 conforms for Everyone (BUILT_IN) and a department (OKTA_GROUP)', async () => {
    for (const id of [everyone, department]) {
      await expectConformant(await call('GET', `/api/v1/groups/${id}`), getGroup);
    }
  });

  it('getGroup 404 E0000007 for an unknown group', async () => {
    const response = await call('GET', '/api/v1/groups/00gnothing');
    await expectOktaError(expectConformant, spec, response, getGroup, {
      status: 404,
      errorCode: 'E0000007',
    });
  });

  it('listGroupUsers 200 conforms', async () => {
    const { body } = await expectConformant(
      await call('GET', `/api/v1/groups/${department}/users?limit=3`),
      groupUsers,
    );
    expect((body as unknown[]).length).toBeGreaterThan(0);
  });

  it('listGroupUsers 404 E0000007 and 403 E0000006', async () => {
    await expectOktaError(
      expectConformant,
      spec,
      await call('GET', '/api/v1/groups/00gnothing/users'),
      groupUsers,
      {
        status: 404,
        errorCode: 'E0000007',
      },
    );
    const response = await call(
      'GET',
      `/api/v1/groups/${everyone}/users`,
      tokenWith(['okta.users.read']),
    );
    await expectOktaError(expectConformant, spec, response, groupUsers, {
      status: 403,
      errorCode: 'E0000006',
    });
  });
});

describe('getUserSchema, getOrgSettings, getWellknownOrgMetadata', () => {
  it('getUserSchema 200 conforms for `default` and for the schema id', async () => {
    const { body } = await expectConformant(
      await call('GET', '/api/v1/meta/schemas/user/default'),
      userSchema,
    );
    const schema = body as { definitions: { custom: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.definitions.custom.properties)).toHaveLength(12);
    const id = sandbox.directory.userSchemaId;
    await expectConformant(
      await call('GET', `/api/v1/meta/schemas/user/${id}`, 'token'),
      userSchema,
    );
  });

  it('getUserSchema 404 E0000007 and 403 E0000006', async () => {
    await expectOktaError(
      expectConformant,
      spec,
      await call('GET', '/api/v1/meta/schemas/user/oscnope'),
      userSchema,
      {
        status: 404,
        errorCode: 'E0000007',
      },
    );
    const response = await call(
      'GET',
      '/api/v1/meta/schemas/user/default',
      tokenWith(['okta.users.read']),
    );
    await expectOktaError(expectConformant, spec, response, userSchema, {
      status: 403,
      errorCode: 'E0000006',
    });
  });

  it('getOrgSettings 200 conforms; 403 E0000006 without okta.orgs.read', async () => {
    await expectConformant(await call('GET', '/api/v1/org'), orgSettings);
    const response = await call('GET', '/api/v1/org', tokenWith(['okta.users.read']));
    await expectOktaError(expectConformant, spec, response, orgSettings, {
      status: 403,
      errorCode: 'E0000006',
    });
  });

  it('getWellknownOrgMetadata 200 conforms without any credential (security: [])', async () => {
    await expectConformant(
      await call('GET', '/.well-known/okta-organization', 'none'),
      orgMetadata,
    );
  });

  it('getWellknownOrgMetadata 429 E0000047 when a fault throttles', async () => {
    sandbox.faults.enqueue({ kind: '429' }, { path: '/.well-known/okta-organization' });
    const response = await call('GET', '/.well-known/okta-organization', 'none');
    await expectOktaError(expectConformant, spec, response, orgMetadata, {
      status: 429,
      errorCode: 'E0000047',
    });
  });
});
