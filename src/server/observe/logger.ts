/**
 * hrgraph's log: pino, one JSON object a line on stdout. Every line hrgraph writes is built from
 * an explicit list of fields (request-log.ts, call-log.ts): counts, durations, status codes,
 * error codes, operation names as the provider definitions or the document name them. A field
 * value, a URL, a header or a body is never handed to the logger, so none can be written;
 * pino's `redact` below is a second line, for a field someone adds later by mistake.
 */
import type { YogaLogger } from 'graphql-yoga';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

export type { Logger } from 'pino';

export const logLevels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** Where lines go; tests pass a stream that keeps them. @default stdout */
  destination?: DestinationStream;
  /** Fields on every line (a worker's number). @default none */
  base?: Record<string, string | number>;
}

/** Keys that could hold a secret or a person's data, wherever they sit in a line. */
const redactedKeys = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'code',
  'url',
  'headers',
  'body',
  'variables',
  'email',
  'name',
];

export function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', destination, base = {} } = options;
  return pino(
    {
      level: level as LevelWithSilent,
      base: { service: 'hrgraph', ...base },
      redact: {
        paths: [...redactedKeys, ...redactedKeys.map((key) => `*.${key}`)],
        censor: '[redacted]',
      },
      // Errors reach the log through mask-errors.ts's description (kind, code, path, stack
      // frames), never pino's default serializer, which would write the message.
      serializers: {},
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/**
 * yoga's logger over pino. yoga and the route table hand it text and errors; mask-errors.ts's
 * `maskedErrorLogger` wraps it so an error arrives described, never with its message.
 */
export function yogaLoggerOf(logger: Logger): YogaLogger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      logger[level]({ event: 'server' }, args.map(String).join(' '));
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
