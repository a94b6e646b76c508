/** The OpenAPI extraction on small documents written here: what it keeps, drops and refuses. */
import { describe, expect, it } from 'vitest';
import { extractOpenApi } from '../../../scripts/extract-spec/openapi-extract.js';
import type { JsonObject } from '../../../scripts/extract-spec/schema-structure.js';

function openapi(version: string, paths: JsonObject, components: JsonObject = {}): JsonObject {
  return {
    openapi: version,
    info: { title: 'T', version: '1', description: 'prose', contact: { name: 'x' } },
    servers: [{ url: 'https://example.test' }],
    paths,
    components,
  };
}

const groups = {
  '/groups': {
    parameters: [{ $ref: '#/components/parameters/Limit' }],
    get: {
      operationId: 'listGroups',
      summary: 'List groups',
      description: 'Lists groups',
      tags: ['Group'],
      security: [{ apiToken: [] }],
      'x-okta-lifecycle': { lifecycle: 'GA' },
      parameters: [{ name: 'q', in: 'query', schema: { $ref: '#/components/schemas/Query' } }],
      responses: {
        '200': {
          description: 'Success',
          headers: { Link: { $ref: '#/components/headers/Link' } },
          content: {
            'application/json': {
              schema: { type: 'array', items: { $ref: '#/components/schemas/Group' } },
              examples: { one: { $ref: '#/components/examples/One' } },
            },
          },
        },
        '429': { $ref: '#/components/responses/TooMany' },
      },
    },
    post: { operationId: 'createGroup', responses: { '200': { description: 'x' } } },
  },
  '/users': { get: { operationId: 'listUsers', responses: { '200': { description: 'x' } } } },
};

const components = {
  schemas: {
    Group: {
      type: 'object',
      title: 'Group',
      description: 'A group',
      required: ['id'],
      'x-okta-tags': ['Group'],
      example: { id: 'g1' },
      properties: {
        id: { type: 'string', pattern: '^00g', readOnly: true },
        description: { type: 'string', description: 'what the group is for', default: '' },
        profile: { $ref: '#/components/schemas/Profile' },
      },
      additionalProperties: false,
    },
    Profile: { type: 'object', properties: { name: { type: 'string', maxLength: 255 } } },
    Error: { type: 'object', properties: { errorCode: { type: 'string' } } },
    Query: { type: 'string' },
    Unused: { type: 'string' },
  },
  headers: { Link: { description: 'paging', schema: { type: 'string' }, required: true } },
  responses: {
    TooMany: {
      description: 'Too many',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  },
  parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
  examples: { One: { value: { id: 'g1' } } },
};

describe('OpenAPI extraction', () => {
  const { document } = extractOpenApi(openapi('3.1.0', groups, components), ['GET /groups']);
  const schemas = (document.components as Record<string, JsonObject>).schemas as JsonObject;

  it('keeps only the served operations, each with its operationId and responses', () => {
    expect(Object.keys(document.paths as JsonObject)).toEqual(['/groups']);
    const operation = (document.paths as Record<string, JsonObject>)['/groups']!;
    expect(Object.keys(operation)).toEqual(['get']);
    expect(Object.keys(operation.get as JsonObject).sort()).toEqual(['operationId', 'responses']);
  });

  it('follows $refs through responses, headers and schemas, and copies nothing else', () => {
    expect(Object.keys(schemas).sort()).toEqual(['Error', 'Group', 'Profile']);
    const kept = document.components as Record<string, JsonObject>;
    expect(Object.keys(kept).sort()).toEqual(['headers', 'responses', 'schemas']);
    expect(kept.headers).toEqual({ Link: { required: true, schema: { type: 'string' } } });
  });

  it('drops the keyword description but keeps a property named description', () => {
    expect(schemas.Group).toEqual({
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^00g', readOnly: true },
        description: { type: 'string' },
        profile: { $ref: '#/components/schemas/Profile' },
      },
      additionalProperties: false,
    });
  });

  it('keeps status codes and content types; a response description is empty, as OpenAPI requires one', () => {
    const responses = ((document.paths as Record<string, JsonObject>)['/groups']!.get as JsonObject)
      .responses as Record<string, JsonObject>;
    expect(responses['429']).toEqual({ $ref: '#/components/responses/TooMany' });
    expect(responses['200']).toEqual({
      description: '',
      headers: { Link: { $ref: '#/components/headers/Link' } },
      content: {
        'application/json': {
          schema: { type: 'array', items: { $ref: '#/components/schemas/Group' } },
        },
      },
    });
  });

  it('keeps info as title, version and licence terms only', () => {
    expect(document.info).toEqual({ title: 'T', version: '1' });
    expect(document.openapi).toBe('3.1.0');
  });

  it('keeps OpenAPI 3.1 `nullable` as written (Ajv honours it beside a type)', () => {
    const source = openapi('3.1.0', groups, {
      ...components,
      schemas: { ...components.schemas, Profile: { type: 'string', nullable: true } },
    });
    const kept = extractOpenApi(source, ['GET /groups']).document.components as JsonObject;
    expect((kept.schemas as JsonObject).Profile).toEqual({ type: 'string', nullable: true });
  });
});

describe('OpenAPI 3.0 sources are rewritten in the 3.1 dialect', () => {
  const source = openapi('3.0.3', groups, {
    ...components,
    schemas: {
      ...components.schemas,
      Group: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['ACTIVE', 'SUSPENDED'], nullable: true },
          profile: { $ref: '#/components/schemas/Profile', nullable: true },
          size: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 9 },
          plain: { type: 'string', nullable: false },
        },
      },
    },
  });
  const result = extractOpenApi(source, ['GET /groups']);
  const group = ((result.document.components as JsonObject).schemas as JsonObject)
    .Group as JsonObject;
  const properties = group.properties as JsonObject;

  it('says it was upgraded and declares 3.1.0', () => {
    expect(result.upgraded).toBe(true);
    expect(result.document.openapi).toBe('3.1.0');
  });

  it('nullable with a type: the type gains null, and so does its enum', () => {
    expect(properties.status).toEqual({
      type: ['string', 'null'],
      enum: ['ACTIVE', 'SUSPENDED', null],
    });
  });

  it('nullable without a type ($ref): anyOf null or the schema', () => {
    expect(properties.profile).toEqual({
      anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Profile' }],
    });
  });

  it('boolean exclusiveMinimum becomes the numeric bound; nullable: false just goes', () => {
    expect(properties.size).toEqual({ type: 'integer', exclusiveMinimum: 0, maximum: 9 });
    expect(properties.plain).toEqual({ type: 'string' });
  });
});

describe('OpenAPI extraction refuses what it cannot copy faithfully', () => {
  it('an operation the spec does not have', () => {
    expect(() => extractOpenApi(openapi('3.1.0', groups, components), ['GET /nope'])).toThrow(
      'The spec has no operation GET /nope',
    );
  });

  it('a $ref to a component the spec does not have', () => {
    const broken = structuredClone(components) as JsonObject;
    delete (broken.schemas as JsonObject).Profile;
    expect(() => extractOpenApi(openapi('3.1.0', groups, broken), ['GET /groups'])).toThrow(
      'Dangling $ref #/components/schemas/Profile',
    );
  });

  it('a schema keyword it does not know, rather than keep prose or lose a constraint', () => {
    const odd = structuredClone(components) as JsonObject;
    (odd.schemas as Record<string, JsonObject>).Profile!.prefixItems = [{ type: 'string' }];
    expect(() => extractOpenApi(openapi('3.1.0', groups, odd), ['GET /groups'])).toThrow(
      /#\/components\/schemas\/Profile: unknown keyword "prefixItems"/,
    );
  });

  it('an operation key that is not "METHOD /path"', () => {
    expect(() => extractOpenApi(openapi('3.1.0', groups, components), ['groups'])).toThrow(
      /not an operation/,
    );
  });

  it('a document that is not OpenAPI 3.0 or 3.1', () => {
    expect(() => extractOpenApi({ swagger: '2.0', paths: {} }, [])).toThrow(/Not an OpenAPI/);
  });
});
