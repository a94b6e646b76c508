/**
 * Metrics of the provider side, on one server's prom-client registry: calls by provider,
 * operation and status with their latency, retries, calls never sent (open circuit, spent
 * budget, passed deadline), waits for an account's limiter, token refreshes and their outcome,
 * accounts by circuit state and by health status. Labels come from label-values.ts only.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { CallObserver, CircuitState } from '../../http/index.js';
import { operationLabel, providerLabel, statusLabel } from './label-values.js';

/** One account as the metrics see it: no id, only what it is and how it stands. */
export interface AccountSnapshot {
  readonly accountId: string;
  readonly provider: string;
  readonly status: string;
}

export interface UpstreamMetricsOptions {
  readonly registry: Registry;
  /** The accounts served now, read at each scrape. @default none */
  readonly accounts?: () => readonly AccountSnapshot[];
}

/** A token grant's operation (`<provider>.token.<grant>`, Google's `google.token`). */
const tokenOperation = /\.token(\.|$)/;
const circuitStates: readonly CircuitState[] = ['closed', 'open', 'halfOpen'];
const latencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createUpstreamMetrics(options: UpstreamMetricsOptions): CallObserver {
  const { registry, accounts = () => [] } = options;
  const registers = [registry];
  const calls = new Counter({
    name: 'hrgraph_upstream_calls_total',
    help: 'Provider calls that were sent, by provider, operation and final HTTP status (none: no answer).',
    labelNames: ['provider', 'operation', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'hrgraph_upstream_call_duration_seconds',
    help: 'Time of a provider call, its retries and waits included.',
    labelNames: ['provider', 'operation'] as const,
    buckets: latencyBuckets,
    registers,
  });
  const retries = new Counter({
    name: 'hrgraph_upstream_retries_total',
    help: 'Attempts beyond the first, by provider and operation.',
    labelNames: ['provider', 'operation'] as const,
    registers,
  });
  const refused = new Counter({
    name: 'hrgraph_upstream_refused_total',
    help: 'Provider calls never sent: circuit_open, budget (spent or queue full) or deadline.',
    labelNames: ['provider', 'operation', 'cause'] as const,
    registers,
  });
  const waits = new Histogram({
    name: 'hrgraph_upstream_limiter_wait_seconds',
    help: "Waits of an attempt for its account's limiter (request budget, concurrency, a provider's pause).",
    labelNames: ['provider'] as const,
    buckets: [0.001, 0.01, 0.1, 0.5, 1, 5, 15, 60],
    registers,
  });
  const refreshes = new Counter({
    name: 'hrgraph_token_refreshes_total',
    help: 'Access-token grants sent to a provider (OAuth refresh, service-account assertion), by outcome.',
    labelNames: ['provider', 'outcome'] as const,
    registers,
  });
  // The last circuit state seen per account: one entry per account, however many calls.
  const circuits = new Map<string, { provider: string; state: CircuitState }>();
  new Gauge({
    name: 'hrgraph_upstream_circuit_accounts',
    help: 'Accounts by provider and circuit-breaker state, as of their last call.',
    labelNames: ['provider', 'state'] as const,
    registers,
    collect() {
      this.reset();
      for (const { provider, state } of circuits.values()) this.inc({ provider, state });
      for (const provider of new Set([...circuits.values()].map((c) => c.provider))) {
        for (const state of circuitStates) this.inc({ provider, state }, 0);
      }
    },
  });
  new Gauge({
    name: 'hrgraph_accounts',
    help: 'Accounts served, by provider and health status (ACTIVE, LOCKED_OUT, NEEDS_REAUTH, DISABLED).',
    labelNames: ['provider', 'status'] as const,
    registers,
    collect() {
      this.reset();
      for (const account of accounts()) {
        this.inc({ provider: providerLabel(`${account.provider}.x`), status: statusWord(account) });
      }
    },
  });

  return {
    callStarted(call) {
      const operation = operationLabel(call.operation);
      const provider = providerLabel(call.operation);
      return {
        waited(ms) {
          waits.observe({ provider }, ms / 1000);
        },
        ended(end) {
          calls.inc({ provider, operation, status: statusLabel(end.status) });
          duration.observe({ provider, operation }, end.durationMs / 1000);
          if (end.retries > 0) retries.inc({ provider, operation }, end.retries);
          circuits.set(call.accountId, { provider, state: end.circuit });
          if (tokenOperation.test(call.operation)) {
            const ok = end.outcome === 'answered' && end.status !== null && end.status < 400;
            refreshes.inc({ provider, outcome: ok ? 'success' : 'failure' });
          }
        },
        refused(cause, circuit) {
          refused.inc({ provider, operation, cause });
          circuits.set(call.accountId, { provider, state: circuit });
        },
      };
    },
  };
}

const statuses = new Set(['ACTIVE', 'LOCKED_OUT', 'NEEDS_REAUTH', 'DISABLED']);

function statusWord(account: AccountSnapshot): string {
  return statuses.has(account.status) ? account.status : 'other';
}
