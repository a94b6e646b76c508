/**
 * Composition of the running subgraphs with Apollo's `@apollo/composition` (what Apollo Gateway,
 * Rover and GraphOS use), as compose.ts prints it and main.ts serves it. What stops it comes back
 * as lines a person can act on, never as a stack trace.
 */
import { composeServices } from '@apollo/composition';
import type { Endpoint } from '../common/endpoints.js';
import { EndpointUnavailableError, type PostOptions } from '../common/post-graphql.js';
import { readSubgraphSdl } from './subgraph-sdl.js';

export interface ComposedSupergraph {
  /** The supergraph SDL; null when a subgraph could not be read or composition failed. */
  readonly supergraphSdl: string | null;
  /** One line per error (`error: …`) and composition hint (`hint CODE: …`), for stderr. */
  readonly messages: readonly string[];
}

export async function composeSupergraph(
  subgraphs: readonly Endpoint[],
  options: PostOptions = {},
): Promise<ComposedSupergraph> {
  const read = await Promise.allSettled(subgraphs.map((s) => readSubgraphSdl(s, options)));
  const typeDefs = [];
  const unavailable: string[] = [];
  for (const [i, result] of read.entries()) {
    if (result.status === 'fulfilled') {
      const { name, url } = subgraphs[i]!;
      typeDefs.push({ name, url, typeDefs: result.value });
      // Anything else is a bug in this example, and its stack is worth seeing.
    } else if (result.reason instanceof EndpointUnavailableError) {
      unavailable.push(`error: ${result.reason.message}`);
    } else {
      throw result.reason;
    }
  }
  if (unavailable.length > 0) return { supergraphSdl: null, messages: unavailable };
  const result = composeServices(typeDefs);
  const messages = (result.hints ?? []).map((h) => `hint ${h.definition.code}: ${h.message}`);
  if (result.errors) {
    messages.push(...result.errors.map((error) => `error: ${error.message}`));
    return { supergraphSdl: null, messages };
  }
  return { supergraphSdl: result.supergraphSdl, messages };
}
