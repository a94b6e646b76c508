/**
 * Persisted operations: an allow-list of documents a client names by id (the sha256 of the
 * document, sent as `extensions.persistedQuery { version: 1, sha256Hash }`, as Apollo Client's and
 * urql's persisted-query links do). With `only`, hrgraph runs nothing else: a public frontend's
 * token then cannot be used to send a costly document of its own.
 *
 * graphql-yoga's plugin does the work; this gives it the list and hrgraph's coded errors. The list
 * is fixed at start-up: a client cannot add to it, which is what makes it an allow-list rather
 * than automatic persisted queries. Every document is parsed and validated when the server is
 * created, with the server's own parse and validate (its schema, and the operation limits' rules),
 * so one that could never run stops the start instead of failing the first user who sends its id.
 */
import { usePersistedOperations as useYogaPersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, hrError } from '../../core/errors.js';

export interface PersistedOperationsOptions {
  /** The allowed documents (their text) by id. */
  readonly operations: ReadonlyMap<string, string>;
  /** Refuse any request that sends a document instead of a listed id. @default false */
  readonly only?: boolean;
  /** Where the list came from, to name in a start-up error (a file). @default 'persisted operations' */
  readonly source?: string;
}

/** Documents of the list that could never run: the server is not created. */
export class PersistedOperationsError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${source}: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'PersistedOperationsError';
  }
}

const sendAnId =
  'send a listed operation\'s id as extensions.persistedQuery { "version": 1, "sha256Hash": "…" }';

export function usePersistedOperations(options: PersistedOperationsOptions): Plugin {
  const { operations, only = false, source = 'persisted operations' } = options;
  /** The parsed documents, by id, filled when the server is created. */
  const parsed = new Map<string, DocumentNode>();
  const persisted = useYogaPersistedOperations({
    getPersistedOperation: (id) => parsed.get(id) ?? null,
    allowArbitraryOperations: !only,
    customErrors: {
      notFound: () =>
        hrError(
          ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
          `No persisted operation has this id: ${only ? sendAnId : `${sendAnId}, or send the document`}`,
        ),
      persistedQueryOnly: () =>
        hrError(
          ErrorCode.PERSISTED_QUERY_ID_REQUIRED,
          `This server runs persisted operations only: ${sendAnId} instead of a document`,
          { http: { status: 400 } },
        ),
      keyNotFound: () =>
        hrError(
          ErrorCode.PERSISTED_QUERY_ID_REQUIRED,
          `The request has neither a document nor a persisted operation's id: ${only ? sendAnId : `send a document, or ${sendAnId}`}`,
          { http: { status: 400 } },
        ),
    },
  });
  return {
    ...persisted,
    onYogaInit({ yoga }) {
      // The server's own functions: its graphql instance, its schema, its validation rules.
      const { parse, validate, schema } = yoga.getEnveloped({});
      const problems: string[] = [];
      for (const [id, body] of operations) {
        try {
          const document = parse(body);
          const errors = validate(schema, document);
          if (errors.length > 0)
            problems.push(`"${id}": ${errors.map((e: Error) => e.message).join(' ')}`);
          else parsed.set(id, document);
        } catch (error) {
          problems.push(`"${id}": ${(error as Error).message}`);
        }
      }
      if (problems.length > 0) throw new PersistedOperationsError(source, problems);
    },
  };
}
