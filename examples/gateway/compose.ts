/**
 * Composes the supergraph with Apollo's composition library, the same one Apollo Gateway, Rover
 * and GraphOS use, from each running subgraph's `_service { sdl }`, and prints it:
 *
 *   npx tsx examples/gateway/compose.ts > supergraph.graphql
 *
 * Errors and hints go to stderr; any error exits 1. A subgraph that is down or answers something
 * else is one line naming it, its URL and what to do. Environment: HRGRAPH_URL, INVENTORY_URL.
 * hrgraph's SDL is also committed as schema.graphql, for registries and `rover`.
 */
import { exampleEndpoints } from '../common/endpoints.js';
import { composeSupergraph } from './compose-supergraph.js';

const { supergraphSdl, messages } = await composeSupergraph(Object.values(exampleEndpoints()));
for (const line of messages) console.error(line);
if (supergraphSdl === null) process.exit(1);
process.stdout.write(supergraphSdl);
