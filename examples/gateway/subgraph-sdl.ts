/** Reads a running subgraph's SDL through `_service { sdl }`, for composition. */
import { type DocumentNode, parse } from 'graphql';
import type { Endpoint } from '../common/endpoints.js';
import {
  firstError,
  oneLine,
  type PostOptions,
  pointAt,
  postGraphQL,
  unavailable,
} from '../common/post-graphql.js';

/**
 * The subgraph's SDL, parsed: what `composeServices` takes as `typeDefs`. A subgraph that is
 * down or answers anything else is an EndpointUnavailableError saying so in one line.
 */
export async function readSubgraphSdl(
  subgraph: Endpoint,
  options: PostOptions = {},
): Promise<DocumentNode> {
  const reply = await postGraphQL<{ _service?: { sdl?: unknown } | null }>(
    subgraph,
    '{ _service { sdl } }',
    {},
    options,
  );
  const sdl = reply.data?._service?.sdl;
  if (typeof sdl !== 'string' || sdl.trim() === '') {
    throw unavailable(
      subgraph,
      `answered HTTP ${reply.status} without _service { sdl }${firstError(reply)}`,
      `Is it a federation subgraph? ${pointAt(subgraph)}`,
    );
  }
  try {
    return parse(sdl);
  } catch (error) {
    throw unavailable(
      subgraph,
      `answered an SDL that does not parse (${oneLine(String(error))})`,
      pointAt(subgraph),
    );
  }
}
