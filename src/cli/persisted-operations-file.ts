/**
 * The file `--persisted-operations` names, in either of the two shapes clients' tooling writes:
 *
 * - Apollo's persisted query list manifest (`npx generate-persisted-query-manifest`):
 *   `{ "format": "apollo-persisted-query-manifest", "version": 1,
 *      "operations": [{ "id": "<sha256>", "name": "…", "type": "query", "body": "query …" }] }`
 * - a map of id to document, as graphql-codegen's client preset and yoga's examples write it:
 *   `{ "<sha256>": "query …" }`.
 *
 * Here the file's shape is checked: an id of 64 hex digits must be the sha256 of its document,
 * which is what a client sends. The server then parses and validates every document against the
 * schema and its operation limits as it is created (use-persisted-operations.ts), so an operation
 * that could never run stops the start. Every problem is reported at once, by operation.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PersistedOperationsError } from '../server/plugins/use-persisted-operations.js';

interface Entry {
  /** How a problem names it: its index and name. */
  readonly at: string;
  readonly id: unknown;
  readonly body: unknown;
}

const sha256Hex = /^[0-9a-f]{64}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entriesOf(doc: unknown, problems: string[]): Entry[] {
  if (isRecord(doc) && doc.format === 'apollo-persisted-query-manifest') {
    if (doc.version !== 1) problems.push('only version 1 of Apollo’s manifest format is read');
    if (!Array.isArray(doc.operations)) {
      problems.push('expected `operations: [...]` in an Apollo manifest');
      return [];
    }
    return doc.operations.map((operation: unknown, index) => {
      const record = isRecord(operation) ? operation : {};
      const name = typeof record.name === 'string' ? ` (${record.name})` : '';
      return { at: `operations[${index}]${name}`, id: record.id, body: record.body };
    });
  }
  if (isRecord(doc) && !('format' in doc)) {
    return Object.entries(doc).map(([id, body]) => ({ at: `"${id}"`, id, body }));
  }
  problems.push(
    'expected an Apollo persisted query manifest ({ "format": "apollo-persisted-query-manifest", … }) or a JSON object of id to document',
  );
  return [];
}

/** Reads the operations of a persisted operations file: each document, by id. */
export async function readPersistedOperations(file: string): Promise<Map<string, string>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PersistedOperationsError(file, [
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'}): check the path given to --persisted-operations or HRGRAPH_PERSISTED_OPERATIONS`,
    ]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new PersistedOperationsError(file, ['it is not JSON']);
  }
  const problems: string[] = [];
  const operations = new Map<string, string>();
  for (const { at, id, body } of entriesOf(doc, problems)) {
    if (typeof id !== 'string' || id === '') {
      problems.push(`${at}: its id is not a string`);
      continue;
    }
    if (typeof body !== 'string') {
      problems.push(`${at}: its document is not a string`);
      continue;
    }
    if (operations.has(id)) {
      problems.push(`${at}: its id is listed twice`);
      continue;
    }
    if (
      sha256Hex.test(id) &&
      createHash('sha256').update(body).digest('hex') !== id.toLowerCase()
    ) {
      problems.push(`${at}: its id is not the sha256 of its document, which is what clients send`);
      continue;
    }
    operations.set(id, body);
  }
  if (problems.length === 0 && operations.size === 0) problems.push('it lists no operation');
  if (problems.length > 0) throw new PersistedOperationsError(file, problems);
  return operations;
}
