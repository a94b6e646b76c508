/** Local schema patches: the spec's schema AND a stricter reading the reference page decides. */
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import type { ConformanceOptions } from './expect-conformant.js';

/**
 * Keeps every constraint of the spec's schema and adds `extra` on top, so a patch can only pin
 * a point the spec leaves open or contradicts, never loosen what it says.
 */
export function tighten(
  reason: string,
  extra: AnySchemaObject,
): NonNullable<ConformanceOptions['patch']> {
  return {
    reason,
    schema: (specSchema) => ({ allOf: [specSchema ?? {}, extra] }),
  };
}

/** `{ properties: { a: { properties: { b: leaf } } } }` for the path `['a', 'b']`. */
export function atPath(path: readonly string[], leaf: AnySchemaObject): AnySchemaObject {
  return path.reduceRight<AnySchemaObject>(
    (inner, key) => ({ type: 'object', required: [key], properties: { [key]: inner } }),
    leaf,
  );
}
