/** What `hrgraph serve` reads from its environment, besides the store's own settings. */
import type { OAuthApps } from '../accounts/account-runtime.js';
import type { ProviderName } from '../core/ids.js';
import { providerDefinition, providerNames } from '../providers/registry.js';
import { type LogLevel, logLevels } from '../server/observe/logger.js';

/** HRGRAPH_CURSOR_KEY (base64, at least 32 bytes) lets replicas honour each other's cursors. */
export function cursorKeyFrom(
  env: Readonly<Record<string, string | undefined>>,
): Uint8Array | undefined {
  const value = env.HRGRAPH_CURSOR_KEY;
  if (!value) return undefined;
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new Error('HRGRAPH_CURSOR_KEY must be at least 32 bytes, base64');
  return key;
}

/**
 * hrgraph's application with each OAuth provider, for connecting and refreshing accounts:
 * HRGRAPH_BAMBOOHR_CLIENT_ID/_SECRET, HRGRAPH_GUSTO_CLIENT_ID/_SECRET, …
 */
export function oauthAppsFrom(env: Readonly<Record<string, string | undefined>>): OAuthApps {
  const apps: Partial<Record<ProviderName, { clientId: string; clientSecret: string }>> = {};
  for (const provider of providerNames) {
    if (!providerDefinition(provider).oauth) continue;
    const prefix = `HRGRAPH_${provider.toUpperCase().replace(/-/g, '_')}`;
    const clientId = env[`${prefix}_CLIENT_ID`];
    const clientSecret = env[`${prefix}_CLIENT_SECRET`];
    if (clientId && clientSecret) apps[provider] = { clientId, clientSecret };
  }
  return apps;
}

type Env = Readonly<Record<string, string | undefined>>;

/** HRGRAPH_LOG_LEVEL: how much hrgraph logs (trace, debug, info, warn, error, fatal, silent). */
export function logLevelFrom(env: Env): LogLevel | undefined {
  const value = env.HRGRAPH_LOG_LEVEL?.trim().toLowerCase();
  if (!value) return undefined;
  if (!(logLevels as readonly string[]).includes(value)) {
    throw new Error(`HRGRAPH_LOG_LEVEL must be one of ${logLevels.join(', ')}`);
  }
  return value as LogLevel;
}

/**
 * HRGRAPH_METRICS_TOKEN: the bearer token a Prometheus scrape of /metrics sends (at least 16
 * characters: it guards a view of the traffic). Without it /metrics is off outside demo mode.
 */
export function metricsTokenFrom(env: Env): string | undefined {
  const value = env.HRGRAPH_METRICS_TOKEN;
  if (!value) return undefined;
  if (value.length < 16 || /\s/.test(value)) {
    throw new Error(
      'HRGRAPH_METRICS_TOKEN must be at least 16 characters without spaces (e.g. openssl rand -hex 24)',
    );
  }
  return value;
}

/**
 * Where traces go: OpenTelemetry's own variables, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the whole
 * URL) or OTEL_EXPORTER_OTLP_ENDPOINT (a base: `/v1/traces` is added), or the `--otlp-endpoint`
 * flag (a base too). None: tracing is off. OTEL_SDK_DISABLED=true turns it off whatever is set.
 */
export function tracesUrlFrom(env: Env, flag?: string): string | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const whole = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = flag ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const [name, url] = flag
    ? ['--otlp-endpoint', `${flag.replace(/\/+$/, '')}/v1/traces`]
    : whole
      ? ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', whole]
      : base
        ? ['OTEL_EXPORTER_OTLP_ENDPOINT', `${base.replace(/\/+$/, '')}/v1/traces`]
        : [undefined, undefined];
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${name} must be an http(s) URL, as http://otel-collector:4318`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(
      `${name} must be an http(s) URL (OTLP over HTTP), as http://otel-collector:4318`,
    );
  }
  return parsed.href;
}

/** HRGRAPH_SHUTDOWN_TIMEOUT: seconds in-flight requests get to finish on SIGTERM (0 to 600). */
export function shutdownTimeoutFrom(env: Env): number | undefined {
  const value = env.HRGRAPH_SHUTDOWN_TIMEOUT?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds > 600) {
    throw new Error('HRGRAPH_SHUTDOWN_TIMEOUT must be a number of seconds from 0 to 600, as 10');
  }
  return seconds * 1000;
}
