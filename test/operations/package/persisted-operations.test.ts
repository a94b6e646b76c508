/**
 * Issue 21 (C), persisted operations: an allow-list of documents clients name by sha256, against
 * a running `hrgraph serve` (demo mode, on a free loopback port). A listed id answers; an unknown
 * one is PERSISTED_QUERY_NOT_IN_LIST; with --persisted-only a document is PERSISTED_QUERY_ID_REQUIRED
 * and GraphiQL is not served; without it, documents and GraphiQL work as before.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPersistedOperations } from '../../../src/cli/persisted-operations-file.js';
import { runServe, type ServeHandle } from '../../../src/cli/serve.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const accounts = /* GraphQL */ `query Accounts { accounts { id } }`;
const people = /* GraphQL */ `query People($first: Int!) { employees(account: "acme", first: $first) { nodes { displayName } } }`;

let dir: string;
let manifest: string;
let open: ServeHandle;
let only: ServeHandle;

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(handle: ServeHandle, payload: Record<string, unknown>) {
  const response = await fetch(handle.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const byId = (query: string, variables: Record<string, unknown> = {}) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hrgraph-persisted-'));
  manifest = join(dir, 'manifest.json');
  await writeFile(
    manifest,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [
        { id: sha256(accounts), name: 'Accounts', type: 'query', body: accounts },
        { id: sha256(people), name: 'People', type: 'query', body: people },
      ],
    }),
  );
  const start = (persistedOnly: boolean) =>
    runServe({
      demo: true,
      port: 0,
      demoSize: 20,
      handleSignals: false,
      write: () => {},
      persistedOperations: manifest,
      persistedOnly,
    });
  [open, only] = await Promise.all([start(false), start(true)]);
});

afterAll(async () => {
  await Promise.all([open?.stop(), only?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe('persisted operations: a listed id runs its document', () => {
  test('an Apollo manifest’s operation answers by its sha256, with its variables', async () => {
    const { status, body } = await post(only, byId(people, { first: 2 }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data!.employees as { nodes: unknown[] }).nodes).toHaveLength(2);
  });

  test('an unknown id is PERSISTED_QUERY_NOT_IN_LIST, whether or not documents are allowed', async () => {
    for (const handle of [open, only]) {
      const { body } = await post(handle, byId('{ accounts { id provider } }'));
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    }
  });

  test('a request with neither a document nor an id is PERSISTED_QUERY_ID_REQUIRED', async () => {
    const { status, body } = await post(only, { variables: {} });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });
});

describe('--persisted-only: nothing but the list runs', () => {
  test('an arbitrary document is refused with PERSISTED_QUERY_ID_REQUIRED, even one the list holds', async () => {
    for (const query of ['{ accounts { id provider } }', accounts]) {
      const { status, body } = await post(only, { query });
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('persisted operations only'),
          extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_ID_REQUIRED' }),
        }),
      ]);
    }
  });

  test('GraphiQL is not served (it could only send documents), where it is without the flag', async () => {
    const page = (handle: ServeHandle) =>
      fetch(handle.url, { headers: { accept: 'text/html' } }).then(async (r) => ({
        status: r.status,
        text: await r.text(),
      }));
    const withFlag = await page(only);
    const without = await page(open);
    expect(without.status).toBe(200);
    expect(without.text).toContain('graphiql');
    expect(withFlag.text).not.toContain('graphiql');
  });
});

describe('without --persisted-only: documents still run beside the list', () => {
  test('a document answers as before, and a listed id too', async () => {
    const doc = await post(open, { query: '{ accounts { id } }' });
    expect(doc.body.errors).toBeUndefined();
    const listed = await post(open, byId(accounts));
    expect(listed.body.data).toEqual(doc.body.data);
  });
});

describe('the persisted operations file is checked whole at start-up', () => {
  async function fileOf(content: unknown): Promise<string> {
    const file = join(dir, `list-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }
  async function problemsOf(content: unknown): Promise<readonly string[]> {
    const error = await readPersistedOperations(await fileOf(content)).then(
      () => undefined,
      (thrown: { problems?: readonly string[] }) => thrown,
    );
    return error?.problems ?? [];
  }

  test('the file: an id that is not its document’s sha256, or no document, is named with what is wrong', async () => {
    expect(
      await problemsOf({
        [sha256(accounts)]: accounts,
        [sha256('{ accounts { id } }')]: '{ accounts { provider } }',
        'relay-id-3': 42,
      }),
    ).toEqual([
      expect.stringMatching(/^"[0-9a-f]{64}": its id is not the sha256 of its document/),
      '"relay-id-3": its document is not a string',
    ]);
  });

  test('neither format, not JSON, and an empty list are each one clear problem', async () => {
    expect(await problemsOf([1, 2])).toEqual([
      expect.stringContaining('Apollo persisted query manifest'),
    ]);
    expect(await problemsOf('{ nope')).toEqual(['it is not JSON']);
    expect(await problemsOf({})).toEqual(['it lists no operation']);
  });

  test('serve refuses to start on documents that could never run, naming the file and each id', async () => {
    const file = await fileOf({
      ok: accounts,
      'relay-id-1': '{ accounts { id ',
      'relay-id-2': '{ accounts { nope } }',
      // The server's operation limits hold for listed documents too (depth 15 at most).
      'relay-id-3': `{ ${'employees(account: "acme") { nodes { manager { '.repeat(8)}id${' } } }'.repeat(8)} }`,
    });
    const started = runServe({
      demo: true,
      port: 0,
      demoSize: 10,
      handleSignals: false,
      write: () => {},
      persistedOperations: file,
    });
    const error = (await started.then(
      (handle) => handle.stop(),
      (thrown: unknown) => thrown,
    )) as { message: string; problems?: readonly string[] };
    expect(error.message).toContain(`${file}: 3 problem(s)`);
    expect(error.problems).toEqual([
      expect.stringMatching(/^"relay-id-1": Syntax Error/),
      expect.stringMatching(/^"relay-id-2": Cannot query field "nope"/),
      expect.stringMatching(/^"relay-id-3": The operation is \d+ levels deep; at most 15/),
    ]);
  });
});
