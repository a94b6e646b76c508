/** The Discovery checker itself: it must fail on what the document does not allow. */
import { describe, expect, it } from 'vitest';
import { createDiscoveryConformance } from '../../../conformance/support/discovery-conformance.js';
import { convertSchema, loadDiscovery } from '../../../conformance/support/discovery-schema.js';

const expectConformant = createDiscoveryConformance(loadDiscovery());
const URL_LIST = 'http://x.test/admin/directory/v1/users?customer=my_customer';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  });
const user = {
  kind: 'admin#directory#user',
  id: '104375968074441661145',
  primaryEmail: 'a@acme.example',
};
const error = (code: number, status: string) => ({
  error: {
    code,
    message: 'Bad Request',
    status,
    errors: [{ message: 'Bad Request', domain: 'global', reason: 'badRequest' }],
  },
});

describe('Discovery conformance checker', () => {
  it('accepts a Users page as the document declares it', async () => {
    const result = await expectConformant(json({ kind: 'admin#directory#users', users: [user] }), {
      method: 'directory.users.list',
      url: URL_LIST,
    });
    expect(result.status).toBe(200);
  });
  it('fails a property the schema does not declare (objects are closed)', async () => {
    const body = { kind: 'admin#directory#users', users: [{ ...user, shoeSize: 42 }] };
    await expect(
      expectConformant(json(body), { method: 'directory.users.list', url: URL_LIST }),
    ).rejects.toThrow(/shoeSize|additional/);
  });
  it('fails an int64 sent as a JSON number (Google sends a decimal string)', async () => {
    const body = { kind: 'admin#directory#group', id: 'g', directMembersCount: 5 };
    await expect(
      expectConformant(json(body), {
        method: 'directory.groups.get',
        url: 'http://x.test/admin/directory/v1/groups/g',
      }),
    ).rejects.toThrow(/directMembersCount/);
  });
  it('fails a typed `any` field of the wrong shape (organizations is an array of UserOrganization)', async () => {
    const body = { ...user, organizations: { title: 'CEO' } };
    await expect(
      expectConformant(json(body), {
        method: 'directory.users.get',
        url: 'http://x.test/admin/directory/v1/users/a',
      }),
    ).rejects.toThrow(/organizations/);
  });
  it('fails a status Google JSON APIs do not answer', async () => {
    await expect(
      expectConformant(json({}, 201), { method: 'directory.users.list', url: URL_LIST }),
    ).rejects.toThrow(/201/);
  });
  it('fails a 200 to a request outside the declared parameter range', async () => {
    const url = `${URL_LIST}&maxResults=501`;
    await expect(
      expectConformant(json({ kind: 'admin#directory#users' }), {
        method: 'directory.users.list',
        url,
      }),
    ).rejects.toThrow(/maximum 500/);
  });
  it('fails an error whose status name does not match the HTTP status', async () => {
    await expect(
      expectConformant(json(error(400, 'NOT_FOUND'), 400), {
        method: 'directory.users.list',
        url: URL_LIST,
      }),
    ).rejects.toThrow(/INVALID_ARGUMENT/);
  });
  it('fails an error body that is not Google’s format', async () => {
    await expect(
      expectConformant(json({ message: 'no' }, 400), {
        method: 'directory.users.list',
        url: URL_LIST,
      }),
    ).rejects.toThrow(/error format/);
  });
  it('converts int64 to digits, any to {}, and closes objects', () => {
    expect(convertSchema({ type: 'string', format: 'int64' })).toEqual({
      type: 'string',
      pattern: '^-?\\d+$',
    });
    expect(convertSchema({ type: 'any' })).toEqual({});
    expect(convertSchema({ type: 'object', properties: {} })).toMatchObject({
      additionalProperties: false,
    });
    expect(convertSchema({ type: 'object', additionalProperties: { $ref: 'X' } })).toMatchObject({
      additionalProperties: { $ref: '#/$defs/X' },
    });
  });
});
