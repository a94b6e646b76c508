/**
 * The whole extraction of one provider (spec text and ORIGIN.md in, committed text out) on small
 * specs written here: provenance, deterministic output, Gusto's YAML repair.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractSpec } from '../../../scripts/extract-spec/extract.js';
import { repairGustoYaml } from '../../../scripts/extract-spec/gusto-yaml.js';
import { sha256Of } from '../../../scripts/extract-spec/provenance.js';
import { PROVIDER_SPECS, type ProviderSpec } from '../../../scripts/extract-spec/providers.js';

const spec: ProviderSpec = {
  ...PROVIDER_SPECS.okta,
  served: ['GET /users', 'GET /users/{id}'],
  hrgraphCalls: { 'okta.listUsers': 'GET /users' },
};

const yaml = `openapi: 3.0.3
info:
  title: Users
  version: 2026.06.3
  description: long prose
paths:
  /users/{id}:
    get:
      operationId: getUser
      responses:
        '200':
          description: A user
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/User'
  /users:
    get:
      operationId: listUsers
      responses:
        '200':
          description: Users
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/User'
components:
  schemas:
    User:
      type: object
      properties:
        status: { type: string, nullable: true }
        id: { type: string }
`;

/** The same document with every map written in another order. */
const reordered = `components:
  schemas:
    User:
      properties:
        id: { type: string }
        status: { nullable: true, type: string }
      type: object
paths:
  /users:
    get:
      responses:
        '200':
          content:
            application/json:
              schema:
                items:
                  $ref: '#/components/schemas/User'
                type: array
          description: Users
      operationId: listUsers
  /users/{id}:
    get:
      responses:
        '200':
          description: A user
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/User'
      operationId: getUser
info:
  version: 2026.06.3
  title: Users
openapi: 3.0.3
`;

const originOf = (text: string) =>
  `| commit | \`${spec.origin.commit}\` |\n| file | sha256 \`${sha256Of(text)}\` |\n`;

describe('extractSpec', () => {
  const text = extractSpec(spec, yaml, originOf(yaml));
  const extract = JSON.parse(text) as Record<string, Record<string, unknown>>;

  it('the header names the source (origin, sha256, size, format, version), the licence and the changes made', () => {
    const header = extract['x-hrgraph-extract']!;
    expect(Object.keys(extract)[0]).toBe('x-hrgraph-extract');
    expect(header).toMatchObject({
      provider: 'okta',
      source: {
        file: spec.sourceFile,
        repository: spec.origin.repository,
        path: spec.origin.path,
        commit: spec.origin.commit,
        sha256: sha256Of(yaml),
        bytes: Buffer.byteLength(yaml),
        format: 'OpenAPI 3.0.3',
        version: '2026.06.3',
      },
      licence: 'Apache-2.0',
      hrgraphCalls: { 'okta.listUsers': 'GET /users' },
    });
    expect(header.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kept the 2 of 2 operations/),
        expect.stringMatching(/^rewritten from OpenAPI 3\.0/),
      ]),
    );
  });

  it('the same spec gives the same bytes, whatever order its maps were written in', () => {
    expect(extractSpec(spec, yaml, originOf(yaml))).toBe(text);
    // Only the checksum and size of the source differ; the rest, order included, is the same.
    const withoutSource = (made: string) => {
      const document = JSON.parse(made) as Record<string, Record<string, unknown>>;
      delete document['x-hrgraph-extract']!.source;
      return JSON.stringify(document, null, 2);
    };
    expect(withoutSource(extractSpec(spec, reordered, originOf(reordered)))).toBe(
      withoutSource(text),
    );
  });

  it('keys are sorted at every level below the header', () => {
    const user = (extract.components as { schemas: { User: Record<string, unknown> } }).schemas
      .User;
    expect(Object.keys(user)).toEqual(['properties', 'type']);
    expect(Object.keys(user.properties as object)).toEqual(['id', 'status']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses a spec whose ORIGIN.md is missing, names another file, or another commit', () => {
    expect(() => extractSpec(spec, yaml, null)).toThrow(/no ORIGIN\.md/);
    expect(() => extractSpec(spec, yaml, originOf(reordered))).toThrow(
      /ORIGIN\.md does not name this file's sha256/,
    );
    const otherCommit = originOf(yaml).replace(spec.origin.commit, '0'.repeat(40));
    expect(() => extractSpec(spec, yaml, otherCommit)).toThrow(/does not name commit/);
  });

  it('refuses an hrgraph call to an operation the sandbox does not serve', () => {
    const wrong = { ...spec, hrgraphCalls: { 'okta.listGroups': 'GET /groups' } };
    expect(() => extractSpec(wrong, yaml, originOf(yaml))).toThrow(
      "okta: hrgraph's okta.listGroups calls GET /groups, which the sandbox does not serve",
    );
  });
});

describe("Gusto's YAML repair", () => {
  // A single-quoted scalar whose closing quote stands at column 0, as in 18 places of the spec.
  const broken = "paths:\n  /x:\n    description: 'Two\n      lines\n'\n    summary: s\n";

  it('makes the file parse and changes no value', () => {
    expect(() => parse(broken)).toThrow();
    expect(parse(repairGustoYaml(broken))).toEqual({
      paths: { '/x': { description: 'Two lines ', summary: 's' } },
    });
  });

  it('is recorded in the extract header with the number of lines it moved', () => {
    const gusto: ProviderSpec = {
      ...PROVIDER_SPECS.gusto,
      served: ['GET /x'],
      hrgraphCalls: {},
    };
    const source = `openapi: 3.1.0\ninfo:\n  title: 'G\n'\n  version: '2025-06-15'\npaths:\n  /x:\n    get:\n      responses: {}\n`;
    const origin = `${gusto.origin.commit} ${sha256Of(source)}`;
    const header = JSON.parse(extractSpec(gusto, source, origin))['x-hrgraph-extract'];
    expect(header.changes[0]).toMatch(/^parsed after indenting 1 closing quotes/);
    expect(header.source.version).toBe('2025-06-15');
  });
});
