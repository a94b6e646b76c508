/**
 * Runs a Hive Gateway over hrgraph and the inventory at http://127.0.0.1:4100/graphql, composing
 * the supergraph at start-up from each subgraph's `_service { sdl }` with compose-supergraph.ts,
 * as main.ts does for Apollo Gateway:
 *
 *   npm start                                # hrgraph on :4000
 *   npx tsx examples/inventory/main.ts       # inventory on :4001
 *   npx tsx examples/gateway/hive-main.ts    # Hive Gateway on :4100
 *
 * Environment: HRGRAPH_URL, INVENTORY_URL, GATEWAY_HOST (default 127.0.0.1; 0.0.0.0 in a
 * container), GATEWAY_PORT (default 4100). The `hive-gateway` CLI serves the same supergraph file
 * (compose.ts) with `hive-gateway supergraph supergraph.graphql`; see examples/README.md.
 */
import { createServer } from 'node:http';
import { exampleEndpoints } from '../common/endpoints.js';
import { composeSupergraph } from './compose-supergraph.js';
import { createHiveGateway } from './create-hive-gateway.js';

const { supergraphSdl, messages } = await composeSupergraph(Object.values(exampleEndpoints()));
for (const line of messages) console.error(line);
if (supergraphSdl === null) process.exit(1);

const host = process.env.GATEWAY_HOST ?? '127.0.0.1';
const port = Number(process.env.GATEWAY_PORT ?? 4100);
const gateway = createHiveGateway({ supergraph: supergraphSdl });
const server = createServer(gateway).listen(port, host, () => {
  console.log(`Hive Gateway at http://${host}:${port}/graphql`);
});
// The runtime disposes of itself on SIGTERM but leaves the HTTP server to its owner: without this
// the process outlives `docker compose down`'s SIGTERM and is killed ten seconds later.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, function stopGateway() {
    server.close();
    server.closeAllConnections();
    void gateway.dispose();
  });
}
