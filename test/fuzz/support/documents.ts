/**
 * Fuzz cases generated from the schema's introspection: one query operation with random root
 * fields (`_entities` and `_service` among them), random arguments given inline or through
 * variables, aliases, nested selections, inline fragments on abstract types, named fragments and
 * `@include`/`@skip`. Built with fast-check's `gen`, so every choice is seeded, shrinks and replays.
 */
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { chance, inputValue, pick, printLiteral, type ValueContext } from './input-values.js';
import type { Pools } from './pools.js';

export interface FuzzCase {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** Nesting below the root; the server allows 15, so documents stay within it. */
const maxDepth = 4;

interface Build extends ValueContext {
  readonly schema: GraphQLSchema;
  readonly definitions: string[];
  readonly variables: Record<string, unknown>;
  next: number;
}

function argumentsOf(build: Build, field: GraphQLField<unknown, unknown>): string {
  const parts: string[] = [];
  for (const arg of field.args) {
    const required = String(arg.type).endsWith('!');
    if (!required && !chance(build, 50)) continue;
    const value = inputValue(build, arg.type, arg.name);
    if (chance(build, 40)) {
      const name = `v${build.next++}`;
      build.definitions.push(`$${name}: ${String(arg.type)}`);
      build.variables[name] = value;
      parts.push(`${arg.name}: $${name}`);
    } else {
      parts.push(`${arg.name}: ${printLiteral(value, arg.type)}`);
    }
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

function directive(build: Build): string {
  if (!chance(build, 5)) return '';
  return ` @${pick(build, ['include', 'skip'])}(if: ${pick(build, ['true', 'false'])})`;
}

function fieldSelection(
  build: Build,
  field: GraphQLField<unknown, unknown>,
  used: Set<string>,
  depth: number,
): string {
  const aliased = used.has(field.name) || chance(build, 10);
  const name = aliased ? `a${build.next++}: ${field.name}` : field.name;
  if (!aliased) used.add(field.name);
  const type = getNamedType(field.type);
  const inner = isLeafType(type) ? '' : ` ${selectionSet(build, type, depth + 1)}`;
  return `${name}${argumentsOf(build, field)}${directive(build)}${inner}`;
}

function objectFields(build: Build, type: GraphQLNamedType, depth: number): string[] {
  if (!isObjectType(type) && !isInterfaceType(type)) return [];
  const fields = Object.values(type.getFields());
  // At the deepest level only leaves, so every selection ends.
  const choices =
    depth >= maxDepth ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
  const used = new Set<string>();
  const count = build.g(fc.integer, { min: 1, max: 4 });
  return Array.from({ length: count }, () =>
    choices.length === 0 ? '__typename' : fieldSelection(build, pick(build, choices), used, depth),
  );
}

function selectionSet(build: Build, type: GraphQLNamedType, depth: number): string {
  const parts = objectFields(build, type, depth);
  if (isAbstractType(type)) {
    parts.push('__typename');
    const possible = build.schema.getPossibleTypes(type);
    const count = build.g(fc.integer, { min: 1, max: 2 });
    for (let i = 0; i < count; i++) {
      const on = pick(build, possible);
      parts.push(`... on ${on.name} ${selectionSet(build, on, depth + 1)}`);
    }
  }
  if (isObjectType(type) && chance(build, 15)) {
    const name = `F${build.next++}`;
    build.definitions.push(`fragment ${name} on ${type.name} { ${parts.join(' ')} }`);
    return `{ ...${name} }`;
  }
  return `{ ${parts.join(' ')} }`;
}

/** One case: a query operation over `schema`'s root fields, values drawn from `pools`. */
export function fuzzCases(schema: GraphQLSchema, pools: Pools): fc.Arbitrary<FuzzCase> {
  const typenames = [
    ...Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')),
    'Nope',
    '',
  ];
  return fc.gen().map(function buildCase(g): FuzzCase {
    const root = schema.getQueryType()!;
    const build: Build = { g, pools, typenames, schema, definitions: [], variables: {}, next: 0 };
    const selection = selectionSet(build, root, 0);
    const variables = build.definitions.filter((d) => d.startsWith('$'));
    const fragments = build.definitions.filter((d) => d.startsWith('fragment'));
    const head = variables.length > 0 ? `query Fuzz(${variables.join(', ')})` : 'query Fuzz';
    return { query: [`${head} ${selection}`, ...fragments].join('\n'), variables: build.variables };
  });
}
