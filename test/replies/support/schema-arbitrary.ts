/**
 * A fast-check Arbitrary for any value a JSON Schema (draft 2020-12, as the spec extracts are
 * written, `$ref`s dereferenced) admits: seeded by fast-check's own seed and shrunk by its own
 * combinators. Hand-written because no maintained bridge fits: `json-schema-fast-check` (0.0.6)
 * is archived and built on fast-check 1, `@amritk/generate-examples` writes source files rather
 * than building arbitraries, and json-schema-faker has no shrinking.
 *
 * Keywords read: `type` (and its lists), `nullable`, `enum`, `const`, `$ref` (into `root`),
 * `allOf` (merged), `anyOf`/`oneOf` (one branch), `properties`, `required`,
 * `additionalProperties`, `items`, `minItems`/`maxItems`, `uniqueItems`, `minLength`/`maxLength`,
 * `minimum`/`maximum`, `pattern`, `format`, `writeOnly` (never in a reply). Others (`xml`,
 * `discriminator`, `readOnly`) say nothing about which values are valid here.
 */
import fc from 'fast-check';
import { formatArbitrary, scalarArbitrary } from './scalar-arbitrary.js';

export type Schema = Record<string, unknown>;

export interface GenerationHints {
  /**
   * Values worth favouring for a property, by its name and JSON type (ids a provider would
   * issue, names another reply mentions): mixed in with the schema's own values, and only where
   * the schema sets no enum, format or pattern. Null: no preference.
   */
  byName?(name: string, type: 'string' | 'integer' | 'number'): fc.Arbitrary<unknown> | null;
  /** Keys to favour in objects whose keys are free (`additionalProperties`): the fields asked for. */
  readonly knownKeys?: readonly string[];
  /**
   * Optional properties a real reply nearly always holds (a user's `id`): present in nine cases
   * of ten, so most cases reach past the check their absence fails, and the tenth still tries it.
   */
  readonly usuallyPresent?: readonly string[];
}

/** Marks a usually-present property a case leaves out. */
const omitted = Symbol('omitted');

export interface SchemaArbitraryOptions {
  /** The document `$ref`s left in place (circular ones) resolve against. */
  readonly root?: unknown;
  readonly hints?: GenerationHints;
  /** @default 3 */
  readonly maxItems?: number;
  /** Nesting past this keeps only what `required` demands, and arrays empty. @default 8 */
  readonly maxDepth?: number;
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveRef(root: unknown, ref: string): Schema {
  let at: unknown = root;
  for (const part of ref.replace(/^#\/?/, '').split('/')) {
    if (part === '') continue;
    at = (at as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  if (!isSchema(at)) throw new Error(`$ref ${ref} resolves to no schema`);
  return at;
}

/** A schema no value satisfies (an allOf whose branches disagree on the type). */
class Unsatisfiable extends Error {}

const typesOf = (schema: Schema): string[] | null =>
  schema.type === undefined
    ? null
    : Array.isArray(schema.type)
      ? schema.type
      : [schema.type as string];

/**
 * allOf as one schema: properties and required joined, types intersected, and a property one
 * branch declares held to another branch's `additionalProperties` too; the rest from whichever
 * branch has it.
 */
function mergeAll(branches: readonly Schema[]): Schema {
  const merged: Schema = {};
  const properties: Record<string, Schema[]> = {};
  const required = new Set<string>();
  let types: string[] | null = null;
  for (const branch of branches) {
    const own = typesOf(branch);
    if (own) types = types ? types.filter((t) => own.includes(t)) : own;
    for (const [name, schema] of Object.entries(
      (branch.properties ?? {}) as Record<string, Schema>,
    )) {
      const list = properties[name] ?? [];
      list.push(schema);
      properties[name] = list;
    }
    for (const name of (branch.required as string[] | undefined) ?? []) required.add(name);
    for (const [key, value] of Object.entries(branch)) {
      if (!['properties', 'required', 'type'].includes(key) && !(key in merged))
        merged[key] = value;
    }
  }
  for (const branch of branches) {
    const extra = branch.additionalProperties;
    if (!isSchema(extra)) continue;
    const declared = (branch.properties ?? {}) as Record<string, Schema>;
    for (const [name, list] of Object.entries(properties))
      if (!(name in declared)) list.push(extra);
  }
  if (types) merged.type = types;
  if (Object.keys(properties).length > 0) {
    merged.properties = Object.fromEntries(
      Object.entries(properties).map(([name, list]) => [
        name,
        list.length === 1 ? list[0]! : { allOf: list },
      ]),
    );
  }
  if (required.size > 0) merged.required = [...required];
  return merged;
}

export function schemaArbitrary(
  schema: unknown,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const { root = schema, hints = {}, maxItems = 3, maxDepth = 8 } = options;

  function deref(node: Schema): Schema {
    let s = node;
    while (typeof s.$ref === 'string') s = { ...resolveRef(root, s.$ref), ...omit(s, '$ref') };
    return s;
  }

  function walk(node: unknown, depth: number, name: string | null): fc.Arbitrary<unknown> {
    if (node === true || (isSchema(node) && Object.keys(node).length === 0)) {
      return fc.jsonValue({ maxDepth: 1 });
    }
    if (!isSchema(node)) throw new Error('A schema that admits nothing cannot be generated');
    const s = deref(node);
    if (Array.isArray(s.allOf)) {
      const branches = (s.allOf as Schema[]).map(deref);
      return walk(mergeAll([omit(s, 'allOf'), ...branches]), depth, name);
    }
    const nullable = s.nullable === true;
    const choices = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    let arbitrary: fc.Arbitrary<unknown>;
    if (Array.isArray(choices)) {
      const rest = omit(omit(s, 'anyOf'), 'oneOf');
      arbitrary = fc.oneof(...choices.map((c) => walk({ ...rest, ...c }, depth, name)));
    } else if ('const' in s) arbitrary = fc.constant(s.const);
    else if (Array.isArray(s.enum)) arbitrary = fc.constantFrom(...(s.enum as unknown[]));
    else {
      const types = typesOf(s) ?? [];
      if (s.type !== undefined && types.length === 0) throw new Unsatisfiable();
      const of = (type: string) => typed(s, type, depth, name);
      arbitrary =
        types.length === 0
          ? isSchema(s.properties) || s.additionalProperties !== undefined
            ? of('object')
            : fc.jsonValue({ maxDepth: 1 })
          : types.length === 1
            ? of(types[0]!)
            : fc.oneof(...types.map(of));
    }
    return nullable ? fc.option(arbitrary, { nil: null, freq: 5 }) : arbitrary;
  }

  function typed(s: Schema, type: string, depth: number, name: string | null) {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'array': {
        if (depth >= maxDepth) return fc.constant([]);
        const items = walk(s.items ?? true, depth + 1, null);
        const minLength = Number(s.minItems ?? 0);
        const maxLength = Math.max(minLength, Math.min(Number(s.maxItems ?? maxItems), maxItems));
        return s.uniqueItems
          ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
          : fc.array(items, { minLength, maxLength });
      }
      case 'object':
        return objectArbitrary(s, depth);
      default: {
        const own = s.format || s.pattern ? formatArbitrary(s, type) : scalarArbitrary(s, type);
        const hinted =
          name && !s.format && !s.pattern ? hints.byName?.(name, type as 'string') : null;
        return hinted
          ? fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: own })
          : own;
      }
    }
  }

  function objectArbitrary(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const required = new Set((s.required as string[] | undefined) ?? []);
    const shallow = depth >= maxDepth;
    const declared: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      if (property.writeOnly === true && !required.has(name)) continue;
      if (shallow && !required.has(name)) continue;
      try {
        declared[name] = walk(property, depth + 1, name);
      } catch (error) {
        // A property no value satisfies can only be left out.
        if (!(error instanceof Unsatisfiable) || required.has(name)) throw error;
      }
    }
    for (const name of hints.usuallyPresent ?? []) {
      const arbitrary = declared[name];
      if (!arbitrary || required.has(name)) continue;
      declared[name] = fc.option(arbitrary, { freq: 10, nil: omitted });
      required.add(name);
    }
    const extra = s.additionalProperties;
    if (extra === undefined || extra === false || shallow) {
      return fc
        .record(declared, { requiredKeys: [...required].filter((k) => k in declared) })
        .map(withoutOmitted);
    }
    // Free keys: those asked for (each may come or not), and now and then one nobody asked for.
    const known: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of hints.knownKeys ?? []) {
      if (!(key in declared)) known[key] = walk(extra, depth + 1, key);
    }
    return fc
      .tuple(
        fc.record(declared, { requiredKeys: [...required].filter((k) => k in declared) }),
        fc.record(known, { requiredKeys: [] }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), walk(extra, depth + 1, null), {
          maxKeys: 1,
        }),
      )
      .map(([own, asked, stray]) => {
        for (const key of Object.keys(stray)) {
          if (key in declared || key in known) delete stray[key];
        }
        return { ...stray, ...asked, ...withoutOmitted(own) };
      });
  }

  return walk(schema, 0, null);
}

function withoutOmitted(value: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(value)) if (value[key] === omitted) delete value[key];
  return value;
}

function omit(schema: Schema, key: string): Schema {
  const { [key]: _, ...rest } = schema;
  return rest;
}
