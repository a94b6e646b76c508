/**
 * The subgraphs the example gateway composes, where each runs, and what a user does when one is
 * not there: compose.ts and main.ts name them the same way in their errors.
 */

export interface SubgraphEndpoint {
  readonly name: string;
  /** Its GraphQL endpoint. */
  readonly url: string;
  /** The environment variable that moves it. */
  readonly urlVariable: string;
  /** The command that starts it. */
  readonly start: string;
}

/** hrgraph and the inventory, at HRGRAPH_URL and INVENTORY_URL or their local defaults. */
export function exampleSubgraphs(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SubgraphEndpoint[] {
  return [
    {
      name: 'hrgraph',
      url: env.HRGRAPH_URL ?? 'http://127.0.0.1:4000/graphql',
      urlVariable: 'HRGRAPH_URL',
      start: 'npm start',
    },
    {
      name: 'inventory',
      url: env.INVENTORY_URL ?? 'http://127.0.0.1:4001/graphql',
      urlVariable: 'INVENTORY_URL',
      start: 'npx tsx examples/inventory/main.ts',
    },
  ];
}
