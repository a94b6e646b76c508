/**
 * What a GraphQL response came to, in words fit for a log field or a metric label: an outcome
 * from a set of three and the error codes it carried (hrgraph's, yoga's and graphql's, never a
 * message), and the operation's name only when it is a GraphQL name of sane length.
 */
import type { ExecutionResult } from 'graphql';

export type Outcome = 'success' | 'partial' | 'error';

export interface ResponseOutcome {
  readonly outcome: Outcome;
  /** Distinct `extensions.code`s, sorted; `UNCODED` for an error without one. */
  readonly errorCodes: readonly string[];
}

const codeShape = /^[A-Z][A-Z0-9_]{0,63}$/;
const nameShape = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export function outcomeOf(result: ExecutionResult): ResponseOutcome {
  const errors = result.errors ?? [];
  if (errors.length === 0) return { outcome: 'success', errorCodes: [] };
  const codes = new Set<string>();
  for (const error of errors) {
    const code = error.extensions?.code;
    codes.add(typeof code === 'string' && codeShape.test(code) ? code : 'UNCODED');
  }
  const hasData = result.data !== null && result.data !== undefined;
  return { outcome: hasData ? 'partial' : 'error', errorCodes: [...codes].sort() };
}

/** The operation's name when it is one a document could declare; else null. */
export function operationNameOf(name: unknown): string | null {
  return typeof name === 'string' && nameShape.test(name) ? name : null;
}
