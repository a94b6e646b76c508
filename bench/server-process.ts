/**
 * hrgraph, the naive baseline or the hand-written server in a process of its own, driven by the
 * benchmark runner over IPC: `start` answers the URL, `memory` the process's peak and current
 * RSS, `cpu` the CPU time it has used, and `profileStart` / `profileStop` take a CPU profile.
 */
import { createCpuProfiler, readCpuMicros } from './hosts/cpu-profile.js';
import type { LocalGraphServer } from './hosts/graph-host.js';
import { readMemory, readMemoryAfterGc, serveIpc } from './hosts/ipc.js';
import type { SandboxEndpoint } from './hosts/sandbox-host.js';
import { type GraphKind, startServer } from './hosts/servers.js';

function serveGraph(): void {
  let running: LocalGraphServer | undefined;
  const profiler = createCpuProfiler();

  serveIpc({
    async start({ kind, sandbox }: { kind: GraphKind; sandbox: SandboxEndpoint }) {
      running = await startServer(kind, sandbox);
      return running.url;
    },
    memory: readMemory,
    memoryAfterGc: readMemoryAfterGc,
    cpu: readCpuMicros,
    profileStart: () => profiler.start(),
    profileStop: (path: string) => profiler.stop(path),
    close: () => running?.close(),
  });
}

serveGraph();
