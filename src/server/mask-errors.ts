/**
 * Error masking, and a code on every error. An error carrying one of hrgraph's codes
 * (src/errors.ts) reaches the client as thrown; anything unexpected becomes yoga's "Unexpected
 * error." (with details only in development), code INTERNAL_SERVER_ERROR.
 *
 * graphql's own errors carry no code, and yoga passes them through as they are. They come in two
 * kinds, told apart by where they point:
 * - at the request (no path: variable values that do not fit their types, an operation type the
 *   schema has not) or at a value the client wrote (an argument that is null at run time where the
 *   schema needs one): the client's to fix, BAD_USER_INPUT, message kept;
 * - at a field (a value we returned that its type cannot represent, an abstract type we could not
 *   resolve): ours, masked as an unexpected error.
 *
 * The check reads the error's name and code instead of `instanceof GraphQLError`, because
 * `graphql` ships both a CommonJS and an ES module build: when a tool loads one for yoga and the
 * other for our code (Vitest does), our GraphQLErrors would fail yoga's `instanceof` and be
 * masked.
 *
 * yoga logs the original of every error it masks, message and all, and the route table logs what
 * a route threw. A message can quote a provider's reply, a request's variables or a credential, so
 * the logger yoga is given (`maskedErrorLogger`) writes an error as its kind, codes, path and stack
 * frames, never its message: the policy of the process-level safety net (process-safety.ts).
 */
import { Kind } from 'graphql';
import {
  createGraphQLError,
  createLogger,
  type MaskError,
  type YogaLogger,
  type YogaServerOptions,
  maskError as yogaMaskError,
} from 'graphql-yoga';
import { ErrorCode, ServerErrorCode } from '../core/errors.js';
import { isUnrepresentableValue } from '../schema/provider-scalars.js';
import { describeFailure } from './process-safety.js';

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
  readonly path?: readonly (string | number)[];
  readonly nodes?: readonly { readonly kind: string }[];
  readonly extensions?: { code?: unknown; http?: unknown };
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

function isGraphQLErrorLike(error: unknown): error is ErrorLike {
  return error instanceof Error && error.name === 'GraphQLError';
}

function isHrGraphError(error: unknown): boolean {
  if (!isGraphQLErrorLike(error)) return false;
  const code = error.extensions?.code;
  return typeof code === 'string' && Object.hasOwn(ErrorCode, code);
}

/** Kinds of AST node a client writes as a value: an error pointing at one is about their input. */
const valueKinds = new Set<string>([
  Kind.VARIABLE,
  Kind.VARIABLE_DEFINITION,
  Kind.ARGUMENT,
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

function isAboutInput(error: ErrorLike): boolean {
  if (!error.path || error.path.length === 0) return true;
  const kind = error.nodes?.[0]?.kind;
  return kind !== undefined && valueKinds.has(kind);
}

export const maskHrGraphError: MaskError = function maskHrGraphError(error, message, isDev) {
  const inner = innermost(error);
  if (isHrGraphError(inner)) return error as Error;
  if (isUnrepresentableValue(inner)) {
    // A provider's value its scalar cannot show (src/schema/provider-scalars.ts): the provider's
    // fault at that field, and the message names the type, never the value.
    const located = error as ErrorLike;
    return createGraphQLError(inner.message, {
      ...(located.nodes ? { nodes: located.nodes as never } : {}),
      ...(located.path ? { path: located.path } : {}),
      extensions: { code: ErrorCode.UPSTREAM_BAD_RESPONSE, scalar: inner.scalar },
    });
  }
  const masked: Error & ErrorLike = yogaMaskError(error, message, isDev);
  if (!isGraphQLErrorLike(masked) || typeof masked.extensions?.code === 'string') return masked;
  if (isAboutInput(masked) && masked.extensions) {
    // Coded in place, as yoga codes its own parse and validation errors: a new error object would
    // make yoga log this one, with the client's variable values in its message.
    (masked.extensions as { code?: string }).code = ErrorCode.BAD_USER_INPUT;
    return masked;
  }
  return createGraphQLError(message, {
    ...(masked.nodes ? { nodes: masked.nodes as never } : {}),
    ...(masked.path ? { path: masked.path } : {}),
    extensions: {
      code: ServerErrorCode.INTERNAL_SERVER_ERROR,
      unexpected: true,
      ...(isDev ? { originalError: { message: masked.message, stack: masked.stack } } : {}),
    },
  });
};

/** A logged error: where in the response it was, then what kind and from where, no message. */
export function describeLoggedError(error: unknown): string {
  const path = (error as ErrorLike | null)?.path;
  const where = path && path.length > 0 ? ` at ${path.join('.')}` : '';
  const inner = innermost(error);
  const { extensions } = inner as ErrorLike;
  const code = typeof extensions?.code === 'string' ? ` (${extensions.code})` : '';
  return `masked error${where}${code}: ${describeFailure(inner)}`;
}

const levels = ['debug', 'info', 'warn', 'error'] as const;

/**
 * The logger yoga is given, resolved from its `logging` option as yoga would, that describes
 * every error (and any other thrown value) it is handed with {@link describeLoggedError}. Text
 * passes through: yoga's own lines and ours are written never to hold a value.
 */
export function maskedErrorLogger(
  logging: YogaServerOptions<object, object>['logging'] = true,
): YogaLogger {
  const logger =
    typeof logging === 'object'
      ? logging
      : createLogger(logging === false ? 'silent' : logging === true ? undefined : logging);
  const described = (arg: unknown) =>
    arg === null || typeof arg === 'object' || typeof arg === 'function'
      ? describeLoggedError(arg)
      : arg;
  return Object.fromEntries(
    levels.map((level) => [
      level,
      function logDescribed(...args: unknown[]) {
        logger[level](...args.map(described));
      },
    ]),
  ) as YogaLogger;
}
