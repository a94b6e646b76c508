/**
 * Runs an Apollo Gateway over hrgraph and the inventory at http://127.0.0.1:4100/, composing
 * the supergraph at start-up from each subgraph's `_service { sdl }` (IntrospectAndCompose:
 * fine for trying things out; in production compose ahead of time, see examples/README.md).
 *
 *   npm start                              # hrgraph on :4000
 *   npx tsx examples/inventory/main.ts     # inventory on :4001
 *   npx tsx examples/gateway/main.ts       # gateway on :4100
 *
 * Environment: HRGRAPH_URL, INVENTORY_URL, GATEWAY_PORT (default 4100).
 */
import { IntrospectAndCompose } from '@apollo/gateway';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGateway } from './create-gateway.js';
import { callerContext } from './forward-headers.js';

const gateway = createGateway({
  supergraph: new IntrospectAndCompose({
    subgraphs: [
      { name: 'hrgraph', url: process.env.HRGRAPH_URL ?? 'http://127.0.0.1:4000/graphql' },
      { name: 'inventory', url: process.env.INVENTORY_URL ?? 'http://127.0.0.1:4001/graphql' },
    ],
  }),
});
const { url } = await startStandaloneServer(gateway, {
  listen: { host: '127.0.0.1', port: Number(process.env.GATEWAY_PORT ?? 4100) },
  // The caller's headers become the context the data sources forward from.
  context: async ({ req }) => callerContext(req.headers),
});
console.log(`gateway at ${url}`);
