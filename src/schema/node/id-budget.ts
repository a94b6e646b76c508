/**
 * Bounds on the IDs one operation may name, across all its fields: `nodes(ids:)`, `node(id:)`,
 * `employee(id:)`, `_entities(representations:)` and the `ids`/`departments`/`managers` filters.
 * A per-field bound alone let 30 aliases of `nodes` with 1,000 invalid IDs each cost 30,000
 * errors, a 6 MB response and 10 seconds of one core (issue 13). Past a bound, each further field
 * fails at once with one error, before decoding anything.
 *
 * - IDs: at most `limits.maxSize` (1,000 by default, the page size bound) in all.
 * - Invalid IDs: at most 100 in all. An argument that would pass that fails whole, with one error,
 *   instead of one error per ID.
 *
 * The counts live on the request context, so they start at zero for every operation.
 */
import { createContextCache } from '@pothos/core';
import { badInput } from '../../core/errors.js';
import type { HrContext } from '../context.js';

/** Invalid IDs one operation may send before its ID arguments fail whole. */
export const maxInvalidIdsPerOperation = 100;

interface Spent {
  ids: number;
  invalid: number;
}

const spentOf = createContextCache((_ctx: HrContext): Spent => ({ ids: 0, invalid: 0 }));

/** Counts `count` IDs of `argument` against the operation's bound, or fails the field. */
export function spendIds(ctx: HrContext, count: number, argument: string): void {
  const spent = spentOf(ctx);
  const maxIds = ctx.limits.maxSize;
  if (spent.ids + count > maxIds) {
    throw badInput(
      `One operation may name at most ${maxIds} IDs in all (\`nodes\`, \`node\`, \`employee\`, \`_entities\` and ID filters); \`${argument}\` would pass that. Send them in several requests.`,
      { argument, maxIds },
    );
  }
  spent.ids += count;
}

/**
 * Counts invalid IDs found in `argument`; past the bound (reached now or by an earlier field), the
 * argument fails with one error.
 */
function spendInvalid(ctx: HrContext, count: number, argument: string): void {
  const spent = spentOf(ctx);
  spent.invalid += count;
  if (spent.invalid > maxInvalidIdsPerOperation) {
    throw badInput(
      `More than ${maxInvalidIdsPerOperation} IDs of this operation are invalid (not issued by this API, or altered); \`${argument}\` is refused whole.`,
      { argument, maxInvalidIds: maxInvalidIdsPerOperation },
    );
  }
}

/** One item of an ID argument, checked: its value, or the error to throw at its index. */
export type Checked<T> = { readonly value: T } | { readonly error: unknown };

/**
 * Checks the items of one ID argument each on its own (`check` throws for an invalid one). Both
 * bounds are checked first, so an operation already past them checks nothing more.
 */
export function checkIds<T, R>(
  ctx: HrContext,
  items: readonly T[],
  argument: string,
  check: (item: T, index: number) => R,
): Checked<R>[] {
  spendIds(ctx, items.length, argument);
  spendInvalid(ctx, 0, argument);
  let invalid = 0;
  const checked = items.map(function checkOne(item, index): Checked<R> {
    try {
      return { value: check(item, index) };
    } catch (error) {
      invalid++;
      return { error };
    }
  });
  spendInvalid(ctx, invalid, argument);
  return checked;
}

/**
 * One promise per item, in order: an invalid item rejects with its own error, the others resolve.
 * Each runs inside an async function, so even a synchronous throw of `resolve` stays at its index.
 */
export function resolveEach<R, V>(
  checked: readonly Checked<R>[],
  resolve: (value: R) => V | Promise<V>,
): Promise<V>[] {
  return checked.map(async function resolveChecked(item) {
    if ('error' in item) throw item.error;
    return resolve(item.value);
  });
}

/** `checkIds` then `resolveEach`, for an argument that holds one ID. */
export function resolveOneId<T, R, V>(
  ctx: HrContext,
  item: T,
  argument: string,
  check: (item: T) => R,
  resolve: (value: R) => V | Promise<V>,
): Promise<V> {
  const [only] = resolveEach(checkIds(ctx, [item], argument, check), resolve);
  return only as Promise<V>;
}
