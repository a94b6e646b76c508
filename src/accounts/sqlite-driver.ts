/**
 * One small synchronous SQLite surface over whichever driver this runtime has: the built-in
 * `node:sqlite` (Node 22.13+ and 24) or, on Node 20, the optional `better-sqlite3` addon.
 *
 * `node:sqlite` is always tried first: a native addon is built for one Node ABI, and CI runs the
 * tests on Node 24 over a node_modules built for Node 20, where loading better-sqlite3 would fail.
 */
import { createRequire } from 'node:module';

/** Positional parameters only: the two drivers agree on `?`, not on named-parameter prefixes. */
export type SqlValue = string | number | null;

export interface SqliteDatabase {
  readonly driver: 'node:sqlite' | 'better-sqlite3';
  exec(sql: string): void;
  run(sql: string, params?: readonly SqlValue[]): { changes: number };
  get<T>(sql: string, params?: readonly SqlValue[]): T | undefined;
  all<T>(sql: string, params?: readonly SqlValue[]): T[];
  /** Runs `work` inside BEGIN IMMEDIATE … COMMIT, rolling back when it throws. */
  transaction<T>(work: () => T): T;
  close(): void;
}

interface Statement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
}

interface RawDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  close(): unknown;
}

type Opener = (path: string) => RawDatabase;

async function nodeSqlite(): Promise<Opener | null> {
  try {
    // Through a variable: @types/node 20 does not declare the module, and Node 20 lacks it.
    const specifier = 'node:sqlite';
    const { DatabaseSync } = (await import(specifier)) as {
      DatabaseSync: new (path: string) => RawDatabase;
    };
    return (path) => new DatabaseSync(path);
  } catch {
    return null;
  }
}

function betterSqlite(): Opener | null {
  try {
    const require = createRequire(import.meta.url);
    const Database = require('better-sqlite3') as new (path: string) => RawDatabase;
    return (path) => new Database(path);
  } catch {
    return null;
  }
}

function wrap(raw: RawDatabase, driver: SqliteDatabase['driver']): SqliteDatabase {
  // Prepared statements are cached per SQL text: the store runs a handful of fixed queries.
  const statements = new Map<string, Statement>();
  function statement(sql: string): Statement {
    let found = statements.get(sql);
    if (!found) {
      found = raw.prepare(sql);
      statements.set(sql, found);
    }
    return found;
  }
  let depth = 0;
  let open = true;
  return {
    driver,
    exec: (sql) => void raw.exec(sql),
    run(sql, params = []) {
      const { changes } = statement(sql).run(...params);
      return { changes: Number(changes) };
    },
    get: <T>(sql: string, params: readonly SqlValue[] = []) =>
      statement(sql).get(...params) as T | undefined,
    all: <T>(sql: string, params: readonly SqlValue[] = []) => statement(sql).all(...params) as T[],
    transaction<T>(work: () => T): T {
      // Nested calls join the outer transaction.
      if (depth > 0) return work();
      raw.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const result = work();
        raw.exec('COMMIT');
        return result;
      } catch (error) {
        raw.exec('ROLLBACK');
        throw error;
      } finally {
        depth--;
      }
    },
    close() {
      // Idempotent: node:sqlite throws on a second close, better-sqlite3 does not.
      if (!open) return;
      open = false;
      raw.close();
    },
  };
}

/**
 * Opens (creating if needed) a SQLite database at `path` (`:memory:` for a private in-memory one).
 * Throws a message saying what to install when this runtime has no driver.
 */
export async function openSqlite(path: string): Promise<SqliteDatabase> {
  const builtIn = await nodeSqlite();
  if (builtIn) return wrap(builtIn(path), 'node:sqlite');
  const addon = betterSqlite();
  if (addon) return wrap(addon(path), 'better-sqlite3');
  throw new Error(
    `No SQLite driver: Node ${process.versions.node} has no node:sqlite and the optional ` +
      'better-sqlite3 did not install (it builds from source; it needs python3, make and a C++ ' +
      'compiler). Use Node 22.13+ or install those and run `npm rebuild better-sqlite3`.',
  );
}
