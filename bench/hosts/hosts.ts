/**
 * Where the sandbox and the GraphQL servers run. Timed runs put each in a child process, so the
 * sandbox's CPU stays out of hrgraph's latency and each server's peak RSS is its own; the CI smoke
 * run keeps everything in one process, because starting processes would cost more than the runs.
 */
import { fileURLToPath } from 'node:url';
import { createCpuProfiler, readCpuMicros } from './cpu-profile.js';
import { type GatewayEndpoints, type GatewaySpec, startLocalGateway } from './gateway-host.js';
import { type MemoryReading, readMemory, readMemoryAfterGc, startChild } from './ipc.js';
import { type SandboxEndpoint, type SandboxSpec, startLocalSandbox } from './sandbox-host.js';
import { type GraphKind, startServer } from './servers.js';

export interface SandboxHandle extends SandboxEndpoint {
  /** Requests the sandbox has served, ever: the cross-check of every count. */
  requestCount(): Promise<number>;
  close(): Promise<void>;
}

export interface GraphHandle {
  readonly kind: GraphKind;
  /** The GraphQL endpoint; the hand-written server's endpoints are `${url}/${name}`. */
  readonly url: string;
  /** The serving process's memory (in-process: the whole test process). */
  memory(): Promise<MemoryReading>;
  /** The same after a full garbage collection: what the server still holds. */
  memoryAfterGc(): Promise<MemoryReading>;
  /**
   * CPU time the serving process has used so far, user and system, µs, as the OS counts it
   * (in-process: the whole test process, which serves everything).
   */
  cpuMicros(): Promise<number>;
  /** Starts a CPU profile of the serving process. */
  startProfile(): Promise<void>;
  /** Stops it and writes it to `path`; resolves to the path. */
  stopProfile(path: string): Promise<string>;
  close(): Promise<void>;
}

export interface GatewayHandle extends GatewayEndpoints {
  close(): Promise<void>;
}

export interface Hosts {
  readonly name: 'processes' | 'in-process';
  sandbox(spec: SandboxSpec): Promise<SandboxHandle>;
  graph(kind: GraphKind, sandbox: SandboxEndpoint): Promise<GraphHandle>;
  gateway(spec: GatewaySpec): Promise<GatewayHandle>;
}

const script = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

export const childHosts: Hosts = {
  name: 'processes',
  async sandbox(spec) {
    const child = startChild(script('sandbox-process.ts'));
    const endpoint = await child.call<SandboxEndpoint>('start', spec);
    return {
      ...endpoint,
      requestCount: () => child.call<number>('count'),
      close: () => child.close(),
    };
  },
  async graph(kind, sandbox) {
    const child = startChild(script('server-process.ts'));
    const url = await child.call<string>('start', { kind, sandbox });
    return {
      kind,
      url,
      memory: () => child.call<MemoryReading>('memory'),
      memoryAfterGc: () => child.call<MemoryReading>('memoryAfterGc'),
      cpuMicros: () => child.call<number>('cpu'),
      startProfile: () => child.call<void>('profileStart'),
      stopProfile: (path) => child.call<string>('profileStop', path),
      close: () => child.close(),
    };
  },
  async gateway(spec) {
    const child = startChild(script('gateway-process.ts'));
    const endpoints = await child.call<GatewayEndpoints>('start', spec);
    return { ...endpoints, close: () => child.close() };
  },
};

export const inProcessHosts: Hosts = {
  name: 'in-process',
  async sandbox(spec) {
    const local = await startLocalSandbox(spec);
    return {
      baseUrl: local.baseUrl,
      apiKey: local.apiKey,
      accessToken: local.accessToken,
      requestCount: async () => local.requestCount(),
      close: () => local.close(),
    };
  },
  async graph(kind, sandbox) {
    const local = await startServer(kind, sandbox);
    const profiler = createCpuProfiler();
    return {
      kind,
      url: local.url,
      memory: async () => readMemory(),
      memoryAfterGc: async () => readMemoryAfterGc(),
      cpuMicros: async () => readCpuMicros(),
      startProfile: () => profiler.start(),
      stopProfile: (path) => profiler.stop(path),
      close: () => local.close(),
    };
  },
  gateway: (spec) => startLocalGateway(spec),
};
