/**
 * Runs the inventory subgraph at http://127.0.0.1:4001/graphql. Its devices go to the first 50
 * employees hrgraph lists, so start hrgraph first (`npm start`), then:
 *
 *   npx tsx examples/inventory/main.ts
 *
 * Environment: HRGRAPH_URL (default http://127.0.0.1:4000/graphql), HRGRAPH_ACCOUNT (default
 * acme), INVENTORY_PORT (default 4001).
 */
import { createServer } from 'node:http';
import { createInventoryServer } from './create-server.js';
import { sampleDevices } from './devices.js';

const hrgraphUrl = process.env.HRGRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
const account = process.env.HRGRAPH_ACCOUNT ?? 'acme';
const port = Number(process.env.INVENTORY_PORT ?? 4001);

/** An IT inventory imports the directory once and keeps each holder's hrgraph ID. */
async function employeeIds(): Promise<string[]> {
  const response = await fetch(hrgraphUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($a: ID!) { employees(account: $a, first: 50) { nodes { id } } }',
      variables: { a: account },
    }),
  });
  const body = (await response.json()) as {
    data?: { employees?: { nodes: { id: string }[] } | null } | null;
    errors?: { message: string }[];
  };
  const nodes = body.data?.employees?.nodes;
  if (!nodes)
    throw new Error(`hrgraph at ${hrgraphUrl}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return nodes.map((node) => node.id);
}

const yoga = createInventoryServer({ devices: sampleDevices(await employeeIds()) });
createServer(yoga).listen(port, '127.0.0.1', () => {
  console.log(`inventory subgraph at http://127.0.0.1:${port}/graphql`);
});
