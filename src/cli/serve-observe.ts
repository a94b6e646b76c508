/**
 * What `hrgraph serve` observes itself with: the log (pino, HRGRAPH_LOG_LEVEL), a prom-client
 * registry of its own with Node's process metrics and the provider-side metrics, and, when an
 * OTLP endpoint is configured, tracing. Built before the http client, which is handed the
 * observers.
 */
import type { DestinationStream } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { CallObserver } from '../http/index.js';
import { callLogObserver } from '../server/observe/call-log.js';
import { createLogger, type Logger, type LogLevel } from '../server/observe/logger.js';
import { installTracing, type Tracing } from '../server/observe/tracing.js';
import { type AccountSnapshot, createUpstreamMetrics } from '../server/observe/upstream-metrics.js';

export interface ServeObserveOptions {
  /** @default 'info' */
  readonly logLevel?: LogLevel;
  /** Where log lines go (tests). @default stdout */
  readonly logDestination?: DestinationStream;
  /** The OTLP traces URL; tracing is off without one. */
  readonly tracesUrl?: string;
  /** A worker's number, on each of its log lines. @default none */
  readonly worker?: number;
  /** The accounts served now, for the accounts gauge. */
  readonly accounts: () => readonly AccountSnapshot[];
}

export interface ServeObserve {
  readonly logger: Logger;
  readonly registry: Registry;
  readonly tracing: Tracing | undefined;
  /** For the http client. */
  readonly observers: readonly CallObserver[];
  /** Sends the spans still buffered and takes tracing back; flushes the log. */
  close(): Promise<void>;
}

export function createServeObserve(options: ServeObserveOptions): ServeObserve {
  const logger = createLogger({
    ...(options.logLevel ? { level: options.logLevel } : {}),
    ...(options.logDestination ? { destination: options.logDestination } : {}),
    ...(options.worker === undefined ? {} : { base: { worker: options.worker } }),
  });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const tracing = options.tracesUrl ? installTracing({ tracesUrl: options.tracesUrl }) : undefined;
  const observers = [
    createUpstreamMetrics({ registry, accounts: options.accounts }),
    callLogObserver(logger),
    ...(tracing ? [tracing.observer] : []),
  ];
  return {
    logger,
    registry,
    tracing,
    observers,
    async close() {
      await tracing?.shutdown();
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    },
  };
}
