/**
 * What the process does when a failure escapes every handler. No request may end the server:
 *
 * - An unhandled promise rejection is a bug, logged and counted, never an exit. Node's default
 *   (since 15) is to exit on one; a listener replaces that. Nothing is lost by going on: the
 *   rejection's work has already failed, and every request settles through its own promises.
 * - An uncaught exception is logged and counted, then the server stops taking requests, lets the
 *   ones in flight finish (up to `fatalGraceMs`), and the process exits with code 1. Node's docs
 *   are plain that going on after one is unsafe: it was thrown out of a callback halfway through,
 *   so whatever state that callback was changing (a socket, a pool, a cache) may be inconsistent.
 *   A supervisor (systemd, Kubernetes, `npm start` under a process manager) restarts a clean one.
 *
 * Logged lines name the error's class, codes and stack frames, never its message: a message can
 * quote a provider's reply or a request's variables, which may hold personal data. Our own
 * GraphQLErrors (src/errors.ts), whose messages are written never to hold such data, keep theirs.
 */
import type { EventEmitter } from 'node:events';
import { isHrError } from '../core/errors.js';

/** Where the process's failures are told: yoga's logger fits. */
export interface ProcessSafetyLogger {
  error(...args: unknown[]): void;
}

export interface ProcessSafetyOptions {
  /** @default console */
  logger?: ProcessSafetyLogger;
  /** Stops serving after an uncaught exception, before the exit. @default nothing to stop */
  onFatal?: () => unknown;
  /** How long `onFatal` may take before the process exits anyway. @default 10_000 */
  fatalGraceMs?: number;
  /** The listeners come off when this emits `close` (the HTTP server). @default they stay */
  server?: Pick<EventEmitter, 'once'>;
  /** The process watched; tests pass an EventEmitter. @default process */
  target?: Pick<EventEmitter, 'on' | 'off'>;
  /** @default process.exit */
  exit?: (code: number) => void;
}

/** Counts since installation: what `/metrics` reports. */
export interface ProcessFailureCounts {
  readonly unhandledRejections: number;
  readonly uncaughtExceptions: number;
}

export interface ProcessSafety {
  counts(): ProcessFailureCounts;
  /** Takes the listeners off again. */
  dispose(): void;
}

const maxFrames = 8;

/** The error's kind and where it came from, with no message unless ours. */
export function describeFailure(reason: unknown): string {
  if (!(reason instanceof Error)) return `a thrown ${reason === null ? 'null' : typeof reason}`;
  const { code } = reason as { code?: unknown };
  const parts = [reason.name];
  if (typeof code === 'string') parts.push(`code ${code}`);
  if (isHrError(reason)) parts.push(`extensions.code ${reason.extensions.code}: ${reason.message}`);
  const frames = (reason.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, maxFrames);
  return [parts.join(', '), ...frames].join('\n');
}

export function installProcessSafety(options: ProcessSafetyOptions = {}): ProcessSafety {
  const {
    logger = console,
    onFatal,
    fatalGraceMs = 10_000,
    server,
    target = process,
    exit = (code: number) => process.exit(code),
  } = options;
  let unhandledRejections = 0;
  let uncaughtExceptions = 0;
  let stopping = false;

  function onUnhandledRejection(reason: unknown): void {
    unhandledRejections++;
    logger.error(
      `hrgraph: unhandled promise rejection (a bug; serving on): ${describeFailure(reason)}`,
    );
  }

  function onUncaughtException(error: unknown): void {
    uncaughtExceptions++;
    logger.error(`hrgraph: uncaught exception, stopping: ${describeFailure(error)}`);
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => exit(1), fatalGraceMs);
    timer.unref?.();
    Promise.resolve()
      .then(onFatal)
      .catch((failure: unknown) => {
        logger.error(`hrgraph: stopping failed: ${describeFailure(failure)}`);
      })
      .finally(() => {
        clearTimeout(timer);
        exit(1);
      });
  }

  target.on('unhandledRejection', onUnhandledRejection);
  target.on('uncaughtException', onUncaughtException);
  function dispose(): void {
    target.off('unhandledRejection', onUnhandledRejection);
    target.off('uncaughtException', onUncaughtException);
  }
  server?.once('close', dispose);
  return { counts: () => ({ unhandledRejections, uncaughtExceptions }), dispose };
}
