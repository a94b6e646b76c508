/**
 * Persisted operations: an allow-list of documents a client names by id (the sha256 of the
 * document, sent as `extensions.persistedQuery { version: 1, sha256Hash }`, as Apollo Client's and
 * urql's persisted-query links do). With `only`, hrgraph runs nothing else: a public frontend's
 * token then cannot be used to send a costly document of its own.
 *
 * graphql-yoga's plugin does the work; this gives it the list and hrgraph's coded errors. The list
 * is fixed at start-up (src/cli/persisted-operations-file.ts reads and validates it): a client
 * cannot add to it, which is what makes it an allow-list rather than automatic persisted queries.
 */
import { usePersistedOperations as useYogaPersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, hrError } from '../../core/errors.js';

export interface PersistedOperationsOptions {
  /** The allowed documents by id, parsed and validated against the schema. */
  readonly operations: ReadonlyMap<string, DocumentNode>;
  /** Refuse any request that sends a document instead of a listed id. @default false */
  readonly only?: boolean;
}

const sendAnId =
  'send a listed operation\'s id as extensions.persistedQuery { "version": 1, "sha256Hash": "…" }';

export function usePersistedOperations(options: PersistedOperationsOptions): Plugin {
  const { operations, only = false } = options;
  return useYogaPersistedOperations({
    getPersistedOperation: (id) => operations.get(id) ?? null,
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
}
