/**
 * Error masking: an error carrying one of hrgraph's codes (src/errors.ts) reaches the client as
 * thrown; anything else becomes yoga's "Unexpected error." (with details only in development).
 *
 * The check reads the error's name and code instead of `instanceof GraphQLError`, because
 * `graphql` ships both a CommonJS and an ES module build: when a tool loads one for yoga and the
 * other for our code (Vitest does), our GraphQLErrors would fail yoga's `instanceof` and be
 * masked.
 */
import { type MaskError, maskError as yogaMaskError } from 'graphql-yoga';
import { ErrorCode } from '../core/errors.js';

interface ErrorLike {
  readonly name?: unknown;
  readonly extensions?: { readonly code?: unknown };
  readonly originalError?: unknown;
}

/** The error that was thrown, under graphql's located-error wrappers. */
function innermost(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth++) {
    const next = (current as ErrorLike | null)?.originalError;
    if (!(next instanceof Error)) return current;
    current = next;
  }
  return current;
}

function isHrGraphError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { name, extensions } = error as ErrorLike;
  const code = extensions?.code;
  return name === 'GraphQLError' && typeof code === 'string' && Object.hasOwn(ErrorCode, code);
}

export const maskHrGraphError: MaskError = function maskHrGraphError(error, message, isDev) {
  return isHrGraphError(innermost(error)) ? (error as Error) : yogaMaskError(error, message, isDev);
};
