/**
 * Composes the supergraph with Apollo's composition library, the same one Apollo Gateway, Rover
 * and GraphOS use, from each running subgraph's `_service { sdl }`, and prints it:
 *
 *   npx tsx examples/gateway/compose.ts > supergraph.graphql
 *
 * Errors and hints go to stderr; any error exits 1. Environment: HRGRAPH_URL, INVENTORY_URL.
 * hrgraph's SDL is also committed as schema.graphql, for registries and `rover`.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const subgraphs = [
  { name: 'hrgraph', url: process.env.HRGRAPH_URL ?? 'http://127.0.0.1:4000/graphql' },
  { name: 'inventory', url: process.env.INVENTORY_URL ?? 'http://127.0.0.1:4001/graphql' },
];

async function subgraphSdl(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${url} returned no _service { sdl }`);
  return sdl;
}

const result = composeServices(
  await Promise.all(
    subgraphs.map(async ({ name, url }) => ({
      name,
      url,
      typeDefs: parse(await subgraphSdl(url)),
    })),
  ),
);
for (const hint of result.hints ?? [])
  console.error(`hint ${hint.definition.code}: ${hint.message}`);
if (result.errors) {
  for (const error of result.errors) console.error(`error: ${error.message}`);
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
