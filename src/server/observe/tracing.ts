/**
 * OpenTelemetry tracing, off unless an OTLP endpoint is configured. When on, it installs for the
 * process a tracer provider that exports by OTLP over HTTP (JSON) in batches, and an
 * AsyncLocalStorage context manager, so a provider call's span finds its batch's and its
 * operation's span as parent without being handed it. Off, nothing is installed: the loaders'
 * and the client's OpenTelemetry calls meet the API's no-op tracer.
 *
 * A tracer provider and a context manager are process-wide by OpenTelemetry's design (the API's
 * globals): one tracing per process, and `shutdown` takes them back.
 */
import { context, type TracerProvider, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { CallObserver } from '../../http/index.js';
import { callSpanObserver } from './call-spans.js';

export interface TracingOptions {
  /** Where spans are sent: the OTLP traces URL (`http://collector:4318/v1/traces`). */
  readonly tracesUrl: string;
  /** The `service.name` on every span. @default 'hrgraph' */
  readonly serviceName?: string;
  /** Exports instead of OTLP over HTTP (tests). @default an OTLPTraceExporter to `tracesUrl` */
  readonly exporter?: SpanExporter;
}

export interface Tracing {
  readonly tracerProvider: TracerProvider;
  /** Hands the http client its span per call. */
  readonly observer: CallObserver;
  /** Sends the spans still buffered. */
  flush(): Promise<void>;
  /** Flushes, then takes the process's tracer provider and context manager back. */
  shutdown(): Promise<void>;
}

export function installTracing(options: TracingOptions): Tracing {
  const { tracesUrl, serviceName = 'hrgraph' } = options;
  const exporter = options.exporter ?? new OTLPTraceExporter({ url: tracesUrl });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1_000 })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(contextManager)) {
    throw new Error('tracing is already installed in this process');
  }
  trace.setGlobalTracerProvider(provider);
  return {
    tracerProvider: provider,
    observer: callSpanObserver(provider.getTracer('hrgraph')),
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
