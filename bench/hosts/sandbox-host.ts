/**
 * The BambooHR sandbox as the benchmarks use it: one company `acme`, a fixed latency on every
 * call, on an ephemeral loopback port. Shared by the child process (timed runs) and the
 * in-process host (the CI smoke run).
 */
import { createBambooHrSandbox } from '../../src/sandbox/bamboohr/index.js';

export interface SandboxSpec {
  /** People in the company. */
  readonly people: number;
  /** Custom fields defined on the company. */
  readonly customFields: number;
  /** @default 42 */
  readonly seed?: number;
  /** Injected latency per provider call. */
  readonly latencyMs: number;
  /** Extra random latency per call, up to this. @default 0 */
  readonly jitterMs?: number;
}

/** How to reach the sandbox company: what hrgraph's adapters and the hand-written baselines need. */
export interface SandboxEndpoint {
  /** `http://acme.localhost:PORT`: the company host, as acme.bamboohr.com would be. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly accessToken: string;
}

export interface LocalSandbox extends SandboxEndpoint {
  /** Requests the sandbox has served, ever. */
  requestCount(): number;
  close(): Promise<void>;
}

export async function startLocalSandbox(spec: SandboxSpec): Promise<LocalSandbox> {
  const { latencyMs, jitterMs = 0 } = spec;
  const sandbox = createBambooHrSandbox({
    companies: [
      {
        domain: 'acme',
        size: spec.people,
        customFieldCount: spec.customFields,
        seed: spec.seed ?? 42,
      },
    ],
    faults: latencyMs > 0 || jitterMs > 0 ? { latency: { ms: latencyMs, jitterMs } } : {},
    // The naive baseline makes tens of thousands of calls; the log need only count them.
    log: { capacity: 1_000 },
    lockout: false,
  });
  const running = await sandbox.listen();
  const token = sandbox.issueAccessToken('acme');
  return {
    baseUrl: `http://acme.localhost:${running.port}`,
    apiKey: sandbox.apiKeyFor('acme'),
    accessToken: token.accessToken,
    requestCount: () => sandbox.log.count(),
    close: () => running.close(),
  };
}
