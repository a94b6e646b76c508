/**
 * The sandbox in a process of its own, driven by the benchmark runner over IPC (`start` with a
 * SandboxSpec answers the company host and credentials; `count` answers the requests served), so
 * its CPU never lands in hrgraph's latency or memory.
 */

import { readMemory, serveIpc } from './hosts/ipc.js';
import { type LocalSandbox, type SandboxSpec, startLocalSandbox } from './hosts/sandbox-host.js';

function serveSandbox(): void {
  let running: LocalSandbox | undefined;

  serveIpc({
    async start(spec: SandboxSpec) {
      running = await startLocalSandbox(spec);
      const { baseUrl, apiKey, accessToken } = running;
      return { baseUrl, apiKey, accessToken };
    },
    count: () => running?.requestCount() ?? 0,
    memory: readMemory,
    close: () => running?.close(),
  });
}

serveSandbox();
