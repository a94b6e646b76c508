/**
 * Issue 21: the operations settings `hrgraph serve` reads from its environment, each refused
 * with a message that says what to fix, and never echoing a value.
 */
import { describe, expect, test } from 'vitest';
import {
  logLevelFrom,
  metricsTokenFrom,
  shutdownTimeoutFrom,
  tracesUrlFrom,
} from '../../../src/cli/serve-env.js';

describe('Issue 21: operations settings from the environment', () => {
  test('HRGRAPH_LOG_LEVEL: one of pino levels, any case; else an error listing them', () => {
    expect(logLevelFrom({})).toBeUndefined();
    expect(logLevelFrom({ HRGRAPH_LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(() => logLevelFrom({ HRGRAPH_LOG_LEVEL: 'verbose' })).toThrow(
      'HRGRAPH_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent',
    );
  });

  test('HRGRAPH_METRICS_TOKEN: at least 16 characters without spaces; the error never quotes it', () => {
    expect(metricsTokenFrom({})).toBeUndefined();
    expect(metricsTokenFrom({ HRGRAPH_METRICS_TOKEN: 'a'.repeat(16) })).toBe('a'.repeat(16));
    for (const bad of ['short-secret', 'has a space in it, sixteen+']) {
      let message = '';
      try {
        metricsTokenFrom({ HRGRAPH_METRICS_TOKEN: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^HRGRAPH_METRICS_TOKEN must be at least 16 characters/);
      expect(message).not.toContain(bad);
    }
  });

  test("traces: OpenTelemetry's endpoint variables or --otlp-endpoint; off without one, or with OTEL_SDK_DISABLED", () => {
    expect(tracesUrlFrom({})).toBeUndefined();
    expect(tracesUrlFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      tracesUrlFrom({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/traces' }),
    ).toBe('https://collector.example/traces');
    expect(tracesUrlFrom({}, 'http://localhost:4318')).toBe('http://localhost:4318/v1/traces');
    expect(
      tracesUrlFrom({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }),
    ).toBeUndefined();
    expect(() => tracesUrlFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    );
    expect(() => tracesUrlFrom({}, 'grpc://collector:4317')).toThrow(
      /--otlp-endpoint must be an http\(s\) URL \(OTLP over HTTP\)/,
    );
  });

  test('HRGRAPH_SHUTDOWN_TIMEOUT: seconds from 0 to 600', () => {
    expect(shutdownTimeoutFrom({})).toBeUndefined();
    expect(shutdownTimeoutFrom({ HRGRAPH_SHUTDOWN_TIMEOUT: '2.5' })).toBe(2_500);
    for (const bad of ['-1', '10s', '601']) {
      expect(() => shutdownTimeoutFrom({ HRGRAPH_SHUTDOWN_TIMEOUT: bad })).toThrow(
        'HRGRAPH_SHUTDOWN_TIMEOUT must be a number of seconds from 0 to 600, as 10',
      );
    }
  });
});
