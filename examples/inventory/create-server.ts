/** The inventory subgraph served by graphql-yoga at /graphql. */
import { createYoga } from 'graphql-yoga';
import { createInventorySchema, type InventorySchemaOptions } from './schema.js';

export interface InventoryServerOptions extends InventorySchemaOptions {
  /** @default true */
  logging?: boolean;
}

export function createInventoryServer({ logging = true, ...schema }: InventoryServerOptions) {
  return createYoga({
    schema: createInventorySchema(schema),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging,
  });
}
