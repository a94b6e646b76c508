/**
 * Writes schema.graphql: the federation subgraph SDL, printed with `printSubgraphSchema` so the
 * @key and @shareable directives survive (G2). A test fails when the file drifts from the code.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSubgraphSchema } from '@apollo/subgraph';
import { schema } from '../src/schema/index.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export function printHrGraphSchema(): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(target, printHrGraphSchema());
  console.log(`wrote ${target}`);
}
