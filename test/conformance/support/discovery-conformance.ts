/**
 * `expectConformant(response, { method: 'directory.users.list', url })` for a Discovery
 * document: the request's query against the method's `parameters` (declared, enum, integer
 * range), a 200 body against `response.$ref`, and an error body against Google's JSON error
 * format. Discovery documents declare no statuses: 200 is the success, and the errors Google
 * documents for its JSON APIs (400, 401, 403, 404, 429, 500, 503) are the only others allowed.
 * A 200 to a request the document forbids fails: the emulator must have refused it.
 */
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { assert } from 'vitest';
import { decodeBody, mediaTypeOf } from './decode-body.js';
import type { DiscoveryDocument, DiscoveryMethod, DiscoveryParameter } from './discovery-schema.js';
import { formatAjvErrors, snippet } from './format-errors.js';

export const ERROR_STATUSES = [400, 401, 403, 404, 429, 500, 503] as const;

const CANONICAL: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's error envelope (cloud.google.com/apis/design/errors, "v1 error format"). */
export const GOOGLE_ERROR_SCHEMA: AnySchemaObject = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'errors', 'status'],
      additionalProperties: false,
      properties: {
        code: { type: 'integer' },
        message: { type: 'string', minLength: 1 },
        status: { type: 'string', enum: Object.values(CANONICAL) },
        errors: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['message', 'domain', 'reason'],
            additionalProperties: false,
            properties: {
              message: { type: 'string' },
              domain: { type: 'string' },
              reason: { type: 'string' },
              location: { type: 'string' },
              locationType: { enum: ['header', 'parameter'] },
            },
          },
        },
      },
    },
  },
};

export interface DiscoveryConformanceOptions {
  /** Method id: `directory.users.list`. */
  method: string;
  /** The request URL, for its query parameters. */
  url: string | URL;
}

export interface DiscoveryConformant {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  /** For an error: `errors[0].reason`. */
  readonly reason: string | null;
}

function parameterProblem(
  name: string,
  value: string,
  parameter: DiscoveryParameter,
): string | null {
  if (parameter.enum && !parameter.enum.some((v) => v.toLowerCase() === value.toLowerCase())) {
    return `${name}=${value} is not one of ${parameter.enum.join(', ')}`;
  }
  if (parameter.type === 'integer') {
    if (!/^-?\d+$/.test(value)) return `${name}=${value} is not an integer`;
    const n = Number(value);
    if (parameter.minimum !== undefined && n < Number(parameter.minimum))
      return `${name}=${value} < minimum ${parameter.minimum}`;
    if (parameter.maximum !== undefined && n > Number(parameter.maximum))
      return `${name}=${value} > maximum ${parameter.maximum}`;
  }
  if (parameter.type === 'boolean' && !/^(true|false)$/i.test(value))
    return `${name}=${value} is not a boolean`;
  return null;
}

/** What the Discovery document says is wrong with a request's query. */
export function requestProblems(
  doc: DiscoveryDocument,
  method: DiscoveryMethod,
  url: URL,
): string[] {
  const problems: string[] = [];
  const declared = method.parameters ?? {};
  for (const [name, value] of url.searchParams) {
    const parameter = declared[name] ?? doc.parameters[name];
    if (!parameter || parameter.location === 'path') {
      problems.push(`${name} is not a parameter of ${method.id}`);
      continue;
    }
    const problem = parameterProblem(name, value, parameter);
    if (problem) problems.push(problem);
  }
  for (const [name, parameter] of Object.entries(declared)) {
    if (parameter.required && parameter.location === 'query' && !url.searchParams.has(name)) {
      problems.push(`required ${name} is missing`);
    }
  }
  return problems;
}

export type ExpectDiscoveryConformant = (
  response: Response,
  options: DiscoveryConformanceOptions,
) => Promise<DiscoveryConformant>;

export function createDiscoveryConformance(doc: DiscoveryDocument): ExpectDiscoveryConformant {
  const validateError = doc.compile(GOOGLE_ERROR_SCHEMA);
  return async function expectConformant(response, options) {
    const method = doc.methods.get(options.method);
    if (!method) assert.fail(`The Discovery document has no method ${options.method}`);
    const url = new URL(options.url);
    const where = `${method.id} ${url.pathname}${url.search} → ${response.status}`;
    const text = await response.text();
    const mediaType = mediaTypeOf(response.headers.get('content-type'));
    if (mediaType !== 'application/json')
      assert.fail(`${where}: Content-Type ${mediaType}, expected application/json`);
    const { body } = decodeBody(where, mediaType, text);
    const problems = requestProblems(doc, method, url);
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null && !/^\d+$/.test(retryAfter) && Number.isNaN(Date.parse(retryAfter))) {
      assert.fail(
        `${where}: Retry-After ${JSON.stringify(retryAfter)} is neither seconds nor an HTTP-date`,
      );
    }
    if (response.status === 200) {
      if (problems.length > 0)
        assert.fail(`${where}: accepted a request the document forbids: ${problems.join('; ')}`);
      const ref = method.response?.$ref;
      if (!ref) assert.fail(`${where}: ${method.id} declares no response`);
      const validate = doc.validator(ref);
      if (!validate(body)) {
        assert.fail(
          `${where}: body does not conform to ${ref}:\n${formatAjvErrors(validate.errors ?? [], body)}\nbody: ${snippet(text)}`,
        );
      }
      return { status: 200, headers: response.headers, body, reason: null };
    }
    if (!(ERROR_STATUSES as readonly number[]).includes(response.status)) {
      assert.fail(
        `${where}: status ${response.status} is not one Google's JSON APIs answer\nbody: ${snippet(text)}`,
      );
    }
    if (!validateError(body)) {
      assert.fail(
        `${where}: not Google's error format:\n${formatAjvErrors(validateError.errors ?? [], body)}\nbody: ${snippet(text)}`,
      );
    }
    const error = (
      body as { error: { code: number; status: string; errors: { reason: string }[] } }
    ).error;
    if (error.code !== response.status)
      assert.fail(`${where}: error.code ${error.code} differs from the status`);
    if (error.status !== CANONICAL[response.status]) {
      assert.fail(`${where}: error.status ${error.status}, expected ${CANONICAL[response.status]}`);
    }
    if (response.status === 401 && !response.headers.get('www-authenticate')) {
      assert.fail(`${where}: a 401 without WWW-Authenticate`);
    }
    return {
      status: response.status,
      headers: response.headers,
      body,
      reason: error.errors[0]?.reason ?? null,
    };
  };
}
