/**
 * How the hand-written server fails: bad input (here) is a 400 and a failed BambooHR call
 * (api.ts) a 502, with the codes hrgraph gives the same cases, so a client reads
 * `extensions.code` alike from either. Messages name the input, never a value BambooHR sent or a
 * credential; anything else is a bug and says only that.
 */
import { BambooHrCallError } from '../hand-written/api.js';

export class HandInputError extends Error {
  override readonly name = 'HandInputError';
  readonly code = 'BAD_USER_INPUT';
}

/** The body of an error answer, and its HTTP status. */
export function errorAnswer(error: unknown): { status: number; body: string } {
  const [status, code, message] =
    error instanceof HandInputError
      ? [400, error.code, error.message]
      : error instanceof BambooHrCallError
        ? [502, error.code, error.message]
        : [500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'];
  return {
    status,
    body: JSON.stringify({ errors: [{ message, extensions: { code } }], data: null }),
  };
}
