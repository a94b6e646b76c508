/**
 * How `hrgraph` tells a failure. A mistake the user can fix (an option, a missing variable, a port
 * in use, a bad key, an unreadable file) is one line, with no stack: the message says what to do.
 * An internal error (a bug: a TypeError, a ReferenceError, …) shows its stack straight away,
 * because that is what fixing it needs and the same run may not come again. `--debug` or
 * HRGRAPH_DEBUG=1 shows the stack of any error. Messages never carry secrets (the code that
 * throws names fields and accounts, never values), so neither does this.
 */

/** JavaScript's own error types: thrown by wrong code, never by a user's wrong input. */
const programmingErrors = [TypeError, ReferenceError, RangeError, SyntaxError, EvalError, URIError];

export function isInternalError(error: unknown): boolean {
  return programmingErrors.some((type) => error instanceof type);
}

export interface ReportOptions {
  /** Show the stack of every error. */
  readonly debug: boolean;
  readonly write: (text: string) => void;
}

export function reportError(error: unknown, { debug, write }: ReportOptions): void {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  if (isInternalError(error)) {
    write(`hrgraph: internal error: ${message}\n`);
    write('This is a bug in hrgraph. Please report it with the trace below.\n');
    write(`${stack ?? message}\n`);
    return;
  }
  write(`hrgraph: ${message}\n`);
  if (debug && stack) write(`${stack}\n`);
}
