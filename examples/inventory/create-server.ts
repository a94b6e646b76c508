/** The inventory subgraph served by graphql-yoga at /graphql. */
import { createYoga } from 'graphql-yoga';
import type { Device } from './devices.js';
import { createInventorySchema } from './schema.js';

export interface InventoryServerOptions {
  devices: readonly Device[];
  /** @default true */
  logging?: boolean;
}

export function createInventoryServer({ devices, logging = true }: InventoryServerOptions) {
  return createYoga({
    schema: createInventorySchema({ devices }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging,
  });
}
