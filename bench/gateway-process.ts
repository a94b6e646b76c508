/**
 * The federation scenario's gateway and inventory subgraph in a process of their own, driven by
 * the benchmark runner over IPC, so their CPU and memory are not hrgraph's.
 */
import { type GatewaySpec, type LocalGateway, startLocalGateway } from './hosts/gateway-host.js';
import { readMemory, serveIpc } from './hosts/ipc.js';

function serveGateway(): void {
  let running: LocalGateway | undefined;

  serveIpc({
    async start(spec: GatewaySpec) {
      running = await startLocalGateway(spec);
      const { hrgraph, server, naive, inventory } = running;
      return { hrgraph, server, naive, inventory };
    },
    memory: readMemory,
    close: () => running?.close(),
  });
}

serveGateway();
