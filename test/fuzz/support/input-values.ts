/**
 * Argument and variable values for fuzz cases, by input type and by what the argument is for:
 * IDs and cursors from the pools (real, foreign, tampered, made up), page sizes around their
 * bounds, dates near and far, `_entities` representations of every shape. Mostly values that fit
 * the type, sometimes ones that do not, so validation and variable coercion are walked too.
 */
import fc from 'fast-check';
import {
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { Pools } from './pools.js';

export interface ValueContext {
  /** fast-check's draw function: every choice goes through it, so cases shrink and replay. */
  readonly g: fc.GeneratorValue;
  readonly pools: Pools;
  /** Type names a representation may claim, good and bad. */
  readonly typenames: readonly string[];
}

/** By index: `gen` compares the arguments of each draw, which must stay small plain values. */
export const pick = <T>(ctx: Pick<ValueContext, 'g'>, values: readonly T[]): T =>
  values[ctx.g(fc.nat, values.length - 1)] as T;
export const chance = (ctx: Pick<ValueContext, 'g'>, percent: number) =>
  ctx.g(fc.nat, 99) < percent;

function idFor(ctx: ValueContext, argument: string): unknown {
  const { pools } = ctx;
  if (argument === 'account' || argument === 'account.id') return pick(ctx, pools.accounts);
  return pick(ctx, [
    () => pick(ctx, pools.ids),
    () => pick(ctx, pools.ids),
    () => pick(ctx, pools.foreignIds),
    () => pick(ctx, pools.tamperedIds),
    () => ctx.g(fc.string, { maxLength: 24 }),
  ])();
}

function stringFor(ctx: ValueContext, argument: string): unknown {
  const { pools } = ctx;
  if (argument === 'after' || argument === 'before') {
    return pick(ctx, [
      () => pick(ctx, pools.cursors),
      () => pick(ctx, pools.cursors),
      () => pick(ctx, pools.tamperedCursors),
      () => ctx.g(fc.string, { maxLength: 40 }),
    ])();
  }
  if (argument === 'names' || argument === 'fields') return pick(ctx, pools.fieldNames);
  return ctx.g(fc.string, { maxLength: 12 });
}

const dateArb = fc.oneof(
  fc.constantFrom(
    '2025-01-01',
    '2026-03-31',
    '2026-06-15',
    '2026-12-31',
    '0001-01-01',
    '9999-12-31',
  ),
  fc.constantFrom('2026-02-30', '2026-13-01', '26-1-1', ''),
);

const pageSizeArb = fc.oneof(
  fc.integer({ min: -2, max: 30 }),
  fc.constantFrom(0, 999, 1000, 1001, 2 ** 31 - 1, -(2 ** 31)),
);

function representation(ctx: ValueContext): unknown {
  const { pools } = ctx;
  const shape = pick(ctx, ['good', 'good', 'good', 'typename', 'noId', 'numberId', 'scalar']);
  const id = idFor(ctx, 'id');
  if (shape === 'scalar') return pick(ctx, ['Employee', 7, true]);
  if (shape === 'noId') return { __typename: pick(ctx, ctx.typenames) };
  if (shape === 'numberId') return { __typename: 'Employee', id: 7 };
  const typename =
    shape === 'good' ? pick(ctx, ['Employee', 'Group', 'Company']) : pick(ctx, ctx.typenames);
  return { __typename: typename, id: shape === 'good' ? pick(ctx, pools.ids) : id };
}

function scalarValue(ctx: ValueContext, name: string, argument: string): unknown {
  switch (name) {
    case 'ID':
      return idFor(ctx, argument);
    case 'String':
      return stringFor(ctx, argument);
    case 'Int':
      return ctx.g(() => pageSizeArb);
    case 'Float':
      return ctx.g(fc.double, { noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return ctx.g(fc.boolean);
    case 'Date':
      return ctx.g(() => dateArb);
    case '_Any':
      return representation(ctx);
    default:
      return ctx.g(fc.string, { maxLength: 12 });
  }
}

/** A value of the wrong kind for any type. */
function misfit(ctx: ValueContext): unknown {
  return pick(ctx, ['not-a-number', 1.5, true, { a: 1 }, [], -1]);
}

/** A value for an input of `type`; `argument` names what it is for (`id`, `after`, `filter.ids`…). */
export function inputValue(
  ctx: ValueContext,
  type: GraphQLInputType,
  argument: string,
  depth = 0,
): unknown {
  if (chance(ctx, 1)) return misfit(ctx);
  if (!isNonNullType(type) && chance(ctx, 10)) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const huge = argument.endsWith('ids') && chance(ctx, 2);
    const length = huge ? 150 : ctx.g(fc.integer, { min: 0, max: 4 });
    return Array.from({ length }, () => inputValue(ctx, inner.ofType, argument, depth + 1));
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) {
    const names = named.getValues().map((value) => value.name);
    return chance(ctx, 3) ? 'NOT_A_VALUE' : pick(ctx, names);
  }
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) || chance(ctx, 40)) {
        value[field.name] = inputValue(ctx, field.type, `${argument}.${field.name}`, depth + 1);
      }
    }
    return value;
  }
  return scalarValue(ctx, named.name, argument.split('.').at(-1) ?? argument);
}

const isName = (key: string) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key);

/** `value` as a GraphQL literal of `type` (enums bare, objects with their keys as names). */
export function printLiteral(value: unknown, type: GraphQLInputType): string {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const item = isListType(inner) ? inner.ofType : inner;
    return `[${value.map((v) => printLiteral(v, item)).join(', ')}]`;
  }
  const named = getNamedType(inner);
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value).filter(([key]) => isName(key));
    return `{${entries.map(([key, v]) => `${key}: ${printLiteral(v, fields[key]?.type ?? inner)}`).join(', ')}}`;
  }
  if (typeof value === 'string') {
    return isEnumType(named) && isName(value) ? value : JSON.stringify(value);
  }
  return String(value);
}
