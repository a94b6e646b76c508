/**
 * hrgraph, or the naive baseline, in a process of its own, driven by the benchmark runner over
 * IPC: `start` answers the GraphQL URL, `memory` the process's peak and current RSS.
 */
import {
  type GraphKind,
  type LocalGraphServer,
  startLocalGraphServer,
} from './hosts/graph-host.js';
import { readMemory, readMemoryAfterGc, serveIpc } from './hosts/ipc.js';
import type { SandboxEndpoint } from './hosts/sandbox-host.js';

function serveGraph(): void {
  let running: LocalGraphServer | undefined;

  serveIpc({
    async start({ kind, sandbox }: { kind: GraphKind; sandbox: SandboxEndpoint }) {
      running = await startLocalGraphServer(kind, sandbox);
      return running.url;
    },
    memory: readMemory,
    memoryAfterGc: readMemoryAfterGc,
    close: () => running?.close(),
  });
}

serveGraph();
