/**
 * The replies a provider's official spec allows for each call hrgraph makes: per operation its
 * success status, its JSON body schema and its declared headers, read from the committed extract
 * (specs/<provider>/, whose `hrgraphCalls` name the operation each hrgraph call reaches), with a
 * validator so the generator itself can be checked against the same schema.
 */
import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { extractPath, PROVIDER_SPECS } from '../../../scripts/extract-spec/providers.js';
import {
  convertSchema,
  DIRECTORY_TYPED_ANY,
  loadDiscovery,
} from '../../conformance/support/discovery-schema.js';
import { loadOpenApiSpec, type OpenApiProvider } from '../../conformance/support/openapi.js';
import type { Schema } from './schema-arbitrary.js';

/** The providers whose extract is a Google Discovery document. */
export type DiscoveryProvider = 'google-workspace';

export interface SpecOperation {
  /** The spec's own name for it: `GET /api/v1/employees/{id}`. */
  readonly key: string;
  readonly method: string;
  /** Matches a request's path (no query). */
  readonly path: RegExp;
  readonly status: number;
  readonly body: Schema;
  /** Declared response headers, by name, with their schemas. */
  readonly headers: Readonly<Record<string, Schema>>;
  /** The document leftover `$ref`s resolve against. */
  readonly root: unknown;
  readonly validate: ValidateFunction;
}

export interface SpecReplies {
  readonly operations: readonly SpecOperation[];
  /** hrgraph's operation name → the spec operation key it calls. */
  readonly hrgraphCalls: Readonly<Record<string, string>>;
  /** The spec operation a request reaches, by method and path; undefined if none. */
  route(method: string, path: string): SpecOperation | undefined;
}

function templatePattern(template: string): RegExp {
  const parts = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('([^/]+)')}$`);
}

const pointer = (...segments: string[]) =>
  `/${segments.map((s) => encodeURIComponent(s.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

/**
 * An OpenAPI extract's hrgraph calls, with their 2xx JSON replies (a `2XX` range answers 200).
 * `basePath` is what the provider's server URL puts before the spec's paths (Graph's `/v1.0`);
 * `hrgraphCalls` narrows the calls, for a kit that answers a call its spec gives no schema from a
 * schema of its own.
 */
export async function openApiReplies(
  provider: OpenApiProvider,
  {
    basePath = '',
    hrgraphCalls = PROVIDER_SPECS[provider].hrgraphCalls,
  }: {
    readonly basePath?: string;
    readonly hrgraphCalls?: Readonly<Record<string, string>>;
  } = {},
): Promise<SpecReplies> {
  const spec = await loadOpenApiSpec({ provider });
  const operations: SpecOperation[] = [];
  for (const key of new Set(Object.values(hrgraphCalls))) {
    const [method = '', template = ''] = key.split(' ');
    const operation = spec.operation(method.toLowerCase() as 'get', template);
    const success = Object.entries(operation?.responses ?? {}).find(
      ([status, response]) =>
        /^2(?:\d\d|XX)$/.test(status) && response.content?.['application/json'],
    );
    if (!success) throw new Error(`${provider}: ${key} has no JSON success reply in the extract`);
    const [status, response] = success;
    const headers: Record<string, Schema> = {};
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.schema) headers[name] = header.schema as Schema;
    }
    operations.push({
      key,
      method,
      path: templatePattern(`${basePath}${template}`),
      status: status === '2XX' ? 200 : Number(status),
      body: response.content!['application/json']!.schema as Schema,
      headers,
      root: spec.document,
      validate: spec.validatorAt(
        pointer(
          'paths',
          template,
          method.toLowerCase(),
          'responses',
          status,
          'content',
          'application/json',
          'schema',
        ),
      ),
    });
  }
  // A template with fewer parameters is the more specific one.
  operations.sort((a, b) => (a.key.match(/\{/g)?.length ?? 0) - (b.key.match(/\{/g)?.length ?? 0));
  return {
    operations,
    hrgraphCalls,
    route: (method, path) => operations.find((op) => op.method === method && op.path.test(path)),
  };
}

/**
 * A Discovery extract's hrgraph calls (Google's), with their replies: Discovery declares no
 * statuses, so 200 is the success; the body is the method's `response.$ref` as the conformance
 * suite reads it (closed objects, int64 as digits, the `any` User properties typed).
 */
export async function discoveryReplies(provider: DiscoveryProvider): Promise<SpecReplies> {
  const spec = PROVIDER_SPECS[provider];
  const path = extractPath(provider);
  const raw = JSON.parse(await readFile(path, 'utf8')) as { schemas: Record<string, unknown> };
  const document = loadDiscovery({ path });
  const $defs: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(raw.schemas)) {
    $defs[id] = convertSchema(schema as Parameters<typeof convertSchema>[0]);
  }
  for (const [where, schema] of Object.entries(DIRECTORY_TYPED_ANY)) {
    const [id = '', property = ''] = where.split('.');
    ($defs[id] as { properties: Record<string, unknown> }).properties[property] = schema;
  }
  const root = { $defs };
  const operations: SpecOperation[] = [];
  for (const key of new Set(Object.values(spec.hrgraphCalls))) {
    const method = document.methods.get(key);
    const ref = method?.response?.$ref;
    if (!method || !ref) throw new Error(`${provider}: ${key} has no JSON reply in the extract`);
    operations.push({
      key,
      method: method.httpMethod,
      path: templatePattern(`/${method.path}`),
      status: 200,
      body: { $ref: `#/$defs/${ref}` } as Schema,
      headers: {},
      root,
      validate: document.validator(ref),
    });
  }
  return {
    operations,
    hrgraphCalls: spec.hrgraphCalls,
    route: (method, path) => operations.find((op) => op.method === method && op.path.test(path)),
  };
}
