/**
 * Runs the inventory subgraph at http://127.0.0.1:4001/graphql. It imports everyone hrgraph
 * serves, in every account, matched across accounts by work email, and gives each person
 * devices, so start hrgraph first (`npm start`), then:
 *
 *   npx tsx examples/inventory/main.ts
 *
 * Environment: HRGRAPH_URL (default http://127.0.0.1:4000/graphql), INVENTORY_PORT (default
 * 4001).
 */
import { createServer } from 'node:http';
import { exampleEndpoints } from '../common/endpoints.js';
import { EndpointUnavailableError } from '../common/post-graphql.js';
import { createInventoryServer } from './create-server.js';
import { sampleDevices } from './devices.js';
import { type ImportedHolders, importHolders } from './import-holders.js';

const port = Number(process.env.INVENTORY_PORT ?? 4001);

let imported: ImportedHolders;
try {
  imported = await importHolders(exampleEndpoints().hrgraph);
} catch (error) {
  // Anything else is a bug in this example, and its stack is worth seeing.
  if (!(error instanceof EndpointUnavailableError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}

const { holderIds, sameAs, accounts } = imported;
const yoga = createInventoryServer({ devices: sampleDevices(holderIds), sameAs });
createServer(yoga).listen(port, '127.0.0.1', () => {
  console.log(
    `inventory subgraph at http://127.0.0.1:${port}/graphql: devices for ${holderIds.length} people in ${accounts.join(', ')}`,
  );
});
