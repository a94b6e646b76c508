/**
 * Runs an Apollo Gateway over hrgraph and the inventory at http://127.0.0.1:4100/, composing
 * the supergraph at start-up from each subgraph's `_service { sdl }` (fine for trying things
 * out; in production compose ahead of time, see examples/README.md).
 *
 *   npm start                              # hrgraph on :4000
 *   npx tsx examples/inventory/main.ts     # inventory on :4001
 *   npx tsx examples/gateway/main.ts       # gateway on :4100
 *
 * It composes through compose-supergraph.ts, as compose.ts does, rather than Apollo's
 * IntrospectAndCompose, whose answer to a subgraph that is not running is a stack trace: here it
 * is one line saying which subgraph, where, and what to do.
 * Environment: HRGRAPH_URL, INVENTORY_URL, GATEWAY_HOST (default 127.0.0.1; 0.0.0.0 in a
 * container), GATEWAY_PORT (default 4100).
 */
import { startStandaloneServer } from '@apollo/server/standalone';
import { exampleEndpoints } from '../common/endpoints.js';
import { composeSupergraph } from './compose-supergraph.js';
import { createGateway } from './create-gateway.js';
import { callerContext } from './forward-headers.js';

const { supergraphSdl, messages } = await composeSupergraph(Object.values(exampleEndpoints()));
for (const line of messages) console.error(line);
if (supergraphSdl === null) process.exit(1);

const gateway = createGateway({ supergraph: supergraphSdl });
const { url } = await startStandaloneServer(gateway, {
  listen: {
    host: process.env.GATEWAY_HOST ?? '127.0.0.1',
    port: Number(process.env.GATEWAY_PORT ?? 4100),
  },
  // The caller's headers become the context the data sources forward from.
  context: async ({ req }) => callerContext(req.headers),
});
console.log(`gateway at ${url}`);
