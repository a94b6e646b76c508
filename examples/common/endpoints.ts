/**
 * The example's services, where each runs, and what a user does when one is not there: every
 * script names them the same way in its errors.
 */

export interface Endpoint {
  readonly name: string;
  /** Its GraphQL endpoint. */
  readonly url: string;
  /** The environment variable that moves it. */
  readonly urlVariable: string;
  /** The command that starts it. */
  readonly start: string;
}

/** hrgraph and the inventory, at HRGRAPH_URL and INVENTORY_URL or their local defaults. */
export function exampleEndpoints(env: Readonly<Record<string, string | undefined>> = process.env): {
  readonly hrgraph: Endpoint;
  readonly inventory: Endpoint;
} {
  return {
    hrgraph: {
      name: 'hrgraph',
      url: env.HRGRAPH_URL ?? 'http://127.0.0.1:4000/graphql',
      urlVariable: 'HRGRAPH_URL',
      start: 'npm start',
    },
    inventory: {
      name: 'inventory',
      url: env.INVENTORY_URL ?? 'http://127.0.0.1:4001/graphql',
      urlVariable: 'INVENTORY_URL',
      start: 'npx tsx examples/inventory/main.ts',
    },
  };
}
