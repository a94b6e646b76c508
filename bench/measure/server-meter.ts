/**
 * A server's CPU time per request, from the OS: the serving process reads its own
 * `process.cpuUsage()` (user and system) when asked over IPC, before and after a contender's
 * runs, and the difference is divided by the requests the load generator sent it meanwhile. The
 * process serves nothing else then (the contenders take turns), so its CPU is theirs alone;
 * what the IPC read itself costs is tens of microseconds against milliseconds per request.
 */
import type { GraphHandle } from '../hosts/hosts.js';
import type { GraphQLClient } from './graphql-client.js';

export interface MeterReading {
  /** The process's CPU time so far, µs. */
  readonly micros: number;
  /** Requests sent to it so far. */
  readonly requests: number;
}

export interface ServerMeter {
  read(): Promise<MeterReading>;
}

/** `server`'s CPU, counted against the requests `client` sends it. */
export function serverMeter(server: GraphHandle, client: GraphQLClient): ServerMeter {
  return {
    async read() {
      return { micros: await server.cpuMicros(), requests: client.requests() };
    },
  };
}

/** CPU ms per request over `spans` of readings, or null when nothing was measured. */
export function cpuMsPerRequest(
  spans: readonly ({ readonly micros: number; readonly requests: number } | null)[],
): number | null {
  let micros = 0;
  let requests = 0;
  for (const span of spans) {
    if (!span) return null;
    micros += span.micros;
    requests += span.requests;
  }
  return requests > 0 ? micros / requests / 1000 : null;
}
