/** The Discovery extraction on a small document written here. */
import { describe, expect, it } from 'vitest';
import { extractDiscovery } from '../../../scripts/extract-spec/discovery-extract.js';
import type { JsonObject } from '../../../scripts/extract-spec/schema-structure.js';

const source: JsonObject = {
  kind: 'discovery#restDescription',
  discoveryVersion: 'v1',
  id: 'admin:directory_v1',
  name: 'admin',
  version: 'directory_v1',
  revision: '20240618',
  rootUrl: 'https://admin.googleapis.test/',
  servicePath: '',
  title: 'Admin SDK API',
  description: 'Admin SDK lets administrators …',
  icons: { x16: 'https://…' },
  auth: { oauth2: { scopes: {} } },
  parameters: {
    fields: { type: 'string', location: 'query', description: 'Selector' },
  },
  resources: {
    users: {
      methods: {
        list: {
          id: 'directory.users.list',
          path: 'admin/directory/v1/users',
          flatPath: 'admin/directory/v1/users',
          httpMethod: 'GET',
          description: 'Retrieves users',
          scopes: ['https://www.googleapis.com/auth/admin.directory.user.readonly'],
          parameterOrder: [],
          parameters: {
            maxResults: {
              type: 'integer',
              location: 'query',
              format: 'int32',
              minimum: '1',
              maximum: '500',
              default: '100',
              description: 'Maximum number of results',
            },
            projection: {
              type: 'string',
              location: 'query',
              enum: ['basic', 'full'],
              enumDescriptions: ['Basic', 'Full'],
            },
          },
          response: { $ref: 'Users' },
        },
        delete: { id: 'directory.users.delete', path: 'x', httpMethod: 'DELETE' },
      },
      resources: {
        aliases: {
          methods: {
            list: {
              id: 'directory.users.aliases.list',
              path: 'admin/directory/v1/users/{userKey}/aliases',
              httpMethod: 'GET',
              response: { $ref: 'Aliases' },
            },
          },
        },
      },
    },
    groups: { methods: { list: { id: 'directory.groups.list', path: 'g', httpMethod: 'GET' } } },
  },
  schemas: {
    Users: {
      id: 'Users',
      type: 'object',
      description: 'A page of users',
      properties: {
        users: { type: 'array', items: { $ref: 'User' } },
        nextPageToken: { type: 'string' },
      },
    },
    User: {
      id: 'User',
      type: 'object',
      properties: {
        id: { type: 'string', annotations: { required: ['directory.users.insert'] } },
        description: { type: 'string', description: 'the field called description' },
        organizations: { type: 'any' },
        kind: { type: 'string', default: 'admin#directory#user', readOnly: true },
      },
    },
    Aliases: { id: 'Aliases', type: 'object', properties: { aliases: { type: 'array' } } },
    UserOrganization: { id: 'UserOrganization', type: 'object', properties: {} },
    Group: { id: 'Group', type: 'object' },
  },
};

describe('Discovery extraction', () => {
  const { document, sourceOperations } = extractDiscovery(
    source,
    ['directory.users.list', 'directory.users.aliases.list'],
    ['UserOrganization'],
  );

  it('keeps the served methods where they sit (nested resources too), and no others', () => {
    expect(sourceOperations).toBe(4);
    const users = (document.resources as Record<string, JsonObject>).users!;
    expect(Object.keys(document.resources as JsonObject)).toEqual(['users']);
    expect(Object.keys(users.methods as JsonObject)).toEqual(['list']);
    const aliases = (users.resources as Record<string, JsonObject>).aliases!;
    expect(Object.keys(aliases.methods as JsonObject)).toEqual(['list']);
  });

  it("keeps a method's path, HTTP method, parameter structure and response; drops prose and scopes", () => {
    const list = ((document.resources as Record<string, JsonObject>).users!.methods as JsonObject)
      .list;
    expect(list).toEqual({
      id: 'directory.users.list',
      path: 'admin/directory/v1/users',
      flatPath: 'admin/directory/v1/users',
      httpMethod: 'GET',
      parameterOrder: [],
      parameters: {
        maxResults: {
          type: 'integer',
          location: 'query',
          format: 'int32',
          minimum: '1',
          maximum: '500',
        },
        projection: { type: 'string', location: 'query', enum: ['basic', 'full'] },
      },
      response: { $ref: 'Users' },
    });
    expect(document.parameters).toEqual({ fields: { type: 'string', location: 'query' } });
  });

  it('keeps the schemas the methods reference, transitively, and the extra ones named', () => {
    const schemas = document.schemas as Record<string, JsonObject>;
    expect(Object.keys(schemas).sort()).toEqual(['Aliases', 'User', 'UserOrganization', 'Users']);
    expect(schemas.User).toEqual({
      id: 'User',
      type: 'object',
      properties: {
        id: { type: 'string' },
        description: { type: 'string' },
        organizations: { type: 'any' },
        kind: { type: 'string', readOnly: true },
      },
    });
  });

  it('keeps the identity of the document, not its documentation', () => {
    expect(document).toMatchObject({ id: 'admin:directory_v1', revision: '20240618' });
    for (const key of ['title', 'description', 'icons', 'auth'])
      expect(document).not.toHaveProperty(key);
  });

  it('refuses a method the document does not have, and a schema it cannot find', () => {
    expect(() => extractDiscovery(source, ['directory.nope'])).toThrow(
      'The Discovery document has no method directory.nope',
    );
    expect(() => extractDiscovery(source, [], ['Missing'])).toThrow('Dangling $ref Missing');
  });
});
