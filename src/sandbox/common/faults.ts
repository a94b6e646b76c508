/**
 * The fault injector: decides, per request, whether to misbehave. Deterministic for a seed, so a
 * test that sets rates sees the same faults on every run; `enqueue` makes the very next matching
 * requests fail in an exact way. How each fault is carried out is in `fault-middleware.ts`.
 */
import type { Clock } from './clock.js';
import { createPrng } from './prng.js';

/** `seconds` sends `Retry-After: 2`; `httpDate` sends the HTTP date that many seconds ahead. */
export type RetryAfter = { seconds: number } | { httpDate: number };

export type Fault =
  /** Delay the response by `ms` (+ up to `jitterMs`, seeded). */
  | { kind: 'latency'; ms: number; jitterMs?: number }
  /** 503 with an empty body; no `retryAfter` means no Retry-After header. */
  | { kind: '503'; retryAfter?: RetryAfter }
  | { kind: '429'; retryAfter?: RetryAfter }
  /** Destroy the socket before any byte of the response (in-process: fetch rejects). */
  | { kind: 'reset' }
  /** Wait `ms` before sending headers, then answer normally: for client timeouts. */
  | { kind: 'stall'; ms: number }
  /** Send headers with the full Content-Length, then `fraction` of the body, then close. */
  | { kind: 'truncate'; fraction?: number }
  /** A complete HTTP response whose body is cut mid-document: invalid JSON/XML. */
  | { kind: 'malformed' };

export type FaultKind = Fault['kind'] | 'budget';

export interface FaultMatch {
  /** Normalised path (`/v1/employees`): exact string or pattern. Any path when absent. */
  path?: string | RegExp;
  /** Method, any when absent. */
  method?: string;
  /** How many matching requests get this fault. @default 1 */
  times?: number;
}

export interface FaultRate {
  /** Probability in [0, 1] per request. */
  rate: number;
  fault: Fault;
}

export interface FaultOptions {
  /** PRNG seed. @default 1 */
  seed?: number;
  /** Random faults; one draw per request picks at most one. @default [] */
  rates?: FaultRate[];
  /** Latency added to every request. @default none */
  latency?: { ms: number; jitterMs?: number };
  /** Requests per second per company; above it → 503 `Retry-After: 1`. @default unlimited */
  budget?: { requestsPerSecond: number };
}

export interface FaultRequest {
  method: string;
  path: string;
  company: string | null;
}

export interface FaultDecision {
  /** Milliseconds to wait first (latency). */
  delayMs: number;
  fault: Fault | null;
  /** What to write in the request log. */
  label: FaultKind | null;
}

export interface FaultInjector {
  enqueue(fault: Fault, match?: FaultMatch): void;
  /** Replaces rates, latency and budget (and reseeds when `seed` is given). */
  configure(options: FaultOptions): void;
  /** Drops queued faults, rates, latency and budget. */
  clear(): void;
  /** Queued faults not yet used. */
  pending(): number;
  decide(request: FaultRequest): FaultDecision;
}

interface Queued {
  fault: Fault;
  match: FaultMatch;
  left: number;
}

export function createFaultInjector(clock: Clock, initial: FaultOptions = {}): FaultInjector {
  let options: FaultOptions = {};
  let random = createPrng(1);
  let queue: Queued[] = [];
  // Requests seen per company in the current clock second.
  const windows = new Map<string, { second: number; count: number }>();

  function configure(next: FaultOptions): void {
    options = { ...next };
    if (next.seed !== undefined) random = createPrng(next.seed);
    windows.clear();
  }
  configure({ seed: 1, ...initial });

  function overBudget(request: FaultRequest): boolean {
    if (!options.budget) return false;
    const second = Math.floor(clock.now() / 1000);
    const key = request.company ?? '';
    const window = windows.get(key);
    if (!window || window.second !== second) {
      windows.set(key, { second, count: 1 });
      return 1 > options.budget.requestsPerSecond;
    }
    window.count++;
    return window.count > options.budget.requestsPerSecond;
  }

  function fromQueue(request: FaultRequest): Fault | null {
    const index = queue.findIndex((entry) => matches(entry.match, request));
    if (index < 0) return null;
    const entry = queue[index]!;
    entry.left--;
    if (entry.left <= 0) queue.splice(index, 1);
    return entry.fault;
  }

  function fromRates(): Fault | null {
    if (!options.rates?.length) return null;
    let draw = random();
    for (const { rate, fault } of options.rates) {
      if (draw < rate) return fault;
      draw -= rate;
    }
    return null;
  }

  function jitter(ms: number, jitterMs = 0): number {
    return ms + (jitterMs > 0 ? Math.floor(random() * (jitterMs + 1)) : 0);
  }

  return {
    enqueue(fault, match = {}) {
      queue.push({ fault, match, left: match.times ?? 1 });
    },
    configure,
    clear() {
      queue = [];
      configure({});
    },
    pending: () => queue.reduce((n, entry) => n + entry.left, 0),
    decide(request) {
      let delayMs = options.latency ? jitter(options.latency.ms, options.latency.jitterMs) : 0;
      const budgetHit = overBudget(request);
      let fault = fromQueue(request);
      let label: FaultKind | null = fault?.kind ?? null;
      if (!fault && budgetHit) {
        fault = { kind: '503', retryAfter: { seconds: 1 } };
        label = 'budget';
      }
      if (!fault) {
        fault = fromRates();
        label = fault?.kind ?? null;
      }
      if (fault?.kind === 'latency') {
        delayMs += jitter(fault.ms, fault.jitterMs);
        fault = null;
      }
      if (label === null && delayMs > 0) label = 'latency';
      return { delayMs, fault, label };
    },
  };
}

function matches(match: FaultMatch, request: FaultRequest): boolean {
  if (match.method && match.method.toUpperCase() !== request.method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string'
    ? match.path === request.path
    : match.path.test(request.path);
}
