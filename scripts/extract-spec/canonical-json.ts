/**
 * The one way an extract is written: the provenance header first, in the order it is built; then
 * the document with keys sorted at every level (arrays keep their order); two spaces, a final
 * newline. Regenerating from an unchanged spec
 * therefore gives the same bytes, and a new spec version shows only what changed, whatever order
 * its authors wrote it in.
 */
import type { Json, JsonObject } from './schema-structure.js';

export const HEADER_KEY = 'x-hrgraph-extract';

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as Json);
  return out;
}

export function canonicalJson(document: JsonObject): string {
  const { [HEADER_KEY]: header, ...rest } = document;
  const sorted = sortKeys(rest) as JsonObject;
  const ordered = header === undefined ? sorted : { [HEADER_KEY]: header, ...sorted };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
