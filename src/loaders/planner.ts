/**
 * The field planner: given what one tick of resolvers asked for (these ids, these provider keys)
 * and the read operations a provider offers, choose the calls that answer it all at the lowest
 * cost — fewest calls first, then fewest bytes. It knows nothing of any provider: each provider
 * describes its operations (what they supply, how many keys and ids one call takes), and the
 * planner only counts.
 */
import type { IdsPerCall, PlannableRead, PlannedCall } from '../core/contract/index.js';

export type { IdsPerCall, PlannedCall };
/** What the planner weighs; a provider's `ReadOperation` is one, with its executor. */
export type ReadOperation = PlannableRead;

export interface PlanContext {
  /** Records an `all` operation returns: the company's size, where known. */
  readonly companySize: number;
}

export class UnplannableFieldError extends Error {
  constructor(readonly fields: readonly string[]) {
    super(`No read operation supplies: ${fields.join(', ')}`);
    this.name = 'UnplannableFieldError';
  }
}

interface Costed {
  readonly operation: ReadOperation;
  readonly calls: number;
  readonly bytes: number;
}

function costOf(op: ReadOperation, ids: number, fields: number, ctx: PlanContext): Costed {
  const fieldCalls = Math.max(1, Math.ceil(fields / op.limits.fieldsPerCall));
  const perCall = op.limits.idsPerCall;
  switch (perCall.kind) {
    case 'one':
      return { operation: op, calls: ids * fieldCalls, bytes: ids * op.bytesPerRecord * fields };
    case 'many':
      return {
        operation: op,
        calls: Math.ceil(ids / perCall.max) * fieldCalls,
        bytes: ids * op.bytesPerRecord * fields,
      };
    case 'all':
      return {
        operation: op,
        calls: fieldCalls,
        bytes: Math.max(ids, ctx.companySize) * op.bytesPerRecord * fields,
      };
  }
}

/** Splits `items` into `parts` runs of near-equal length, keeping order. */
function split<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const parts = Math.ceil(items.length / size);
  const base = Math.floor(items.length / parts);
  const extra = items.length % parts;
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < parts; i++) {
    const length = base + (i < extra ? 1 : 0);
    out.push(items.slice(at, at + length));
    at += length;
  }
  return out;
}

const provesExistence = (op: ReadOperation) => op.provesExistence !== false;

/**
 * Plans the calls that load `fields` for `ids`. Fields are grouped by the cheapest operation able
 * to supply them; within a group, fields are split into calls of at most `fieldsPerCall` and ids
 * into calls of at most the operation's ids per call. No fields is an existence check, and
 * `exists` asks for one beside the fields: both only through operations that prove existence
 * (an employee without job history is absent from the history table, yet exists).
 */
export function planFieldLoad(
  operations: readonly ReadOperation[],
  ids: readonly string[],
  fields: readonly string[],
  ctx: PlanContext,
  exists = false,
): PlannedCall[] {
  if (ids.length === 0) return [];
  if (fields.length === 0) {
    return planOperationFields(operations.filter(provesExistence), ids, [], ctx);
  }
  const calls = planOperationFields(operations, ids, fields, ctx);
  if (!exists) return calls;
  const byName = new Map(operations.map((op) => [op.name, op]));
  const proven = calls.some((call) => provesExistence(byName.get(call.operation)!));
  return proven ? calls : [...calls, ...planFieldLoad(operations, ids, [], ctx)];
}

function planOperationFields(
  operations: readonly ReadOperation[],
  ids: readonly string[],
  fields: readonly string[],
  ctx: PlanContext,
): PlannedCall[] {
  const byOperation = new Map<ReadOperation, string[]>();
  const unplannable: string[] = [];
  // Most fields are supplied by every bulk operation, so the common case is one group; a field
  // only some operation can give (a table column, say) gets its own group and its own calls.
  const candidates = (field: string) => operations.filter((op) => op.supplies(field));
  const shared = operations.filter((op) => fields.every((f) => op.supplies(f)));
  if (shared.length > 0) {
    byOperation.set(cheapest(shared, ids.length, fields.length, ctx), [...fields]);
  } else {
    for (const field of fields) {
      const options = candidates(field);
      if (options.length === 0) {
        unplannable.push(field);
        continue;
      }
      const op = cheapest(options, ids.length, 1, ctx);
      const group = byOperation.get(op) ?? [];
      group.push(field);
      byOperation.set(op, group);
    }
  }
  if (unplannable.length > 0) throw new UnplannableFieldError(unplannable);

  const calls: PlannedCall[] = [];
  for (const [op, opFields] of byOperation) {
    const fieldChunks = split(opFields, op.limits.fieldsPerCall);
    const idChunks = idChunksFor(op, ids);
    for (const idChunk of idChunks) {
      for (const fieldChunk of fieldChunks) {
        calls.push({ operation: op.name, ids: idChunk, fields: fieldChunk });
      }
    }
  }
  return calls;
}

function idChunksFor(op: ReadOperation, ids: readonly string[]): string[][] {
  const perCall = op.limits.idsPerCall;
  switch (perCall.kind) {
    case 'one':
      return ids.map((id) => [id]);
    case 'many':
      return split(ids, perCall.max);
    case 'all':
      return [[...ids]];
  }
}

function cheapest(
  options: readonly ReadOperation[],
  ids: number,
  fields: number,
  ctx: PlanContext,
): ReadOperation {
  let best: Costed | undefined;
  for (const op of options) {
    const cost = costOf(op, ids, fields, ctx);
    if (
      !best ||
      cost.calls < best.calls ||
      (cost.calls === best.calls && cost.bytes < best.bytes)
    ) {
      best = cost;
    }
  }
  if (!best) throw new UnplannableFieldError([]);
  return best.operation;
}

/** The number of calls the best plan makes: what tests and benchmarks hold the loaders to. */
export function minimumCalls(
  operations: readonly ReadOperation[],
  ids: readonly string[],
  fields: readonly string[],
  ctx: PlanContext,
): number {
  return planFieldLoad(operations, ids, fields, ctx).length;
}

/** Ids that need the same fields (and, with `exists`, proof that they exist). */
export interface DemandGroup {
  readonly ids: readonly string[];
  readonly fields: readonly string[];
  readonly exists?: boolean;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/**
 * Plans several groups of ids, each needing its own fields (a page needing 252 fields beyond
 * what the list carried, and its managers needing all 650, say). Groups are planned apart, then
 * merged pairwise while a merge saves calls: one report for both may beat two, or may not,
 * depending on how the groups straddle the per-call limits.
 */
export function planGroupedLoad(
  operations: readonly ReadOperation[],
  groups: readonly DemandGroup[],
  ctx: PlanContext,
): PlannedCall[] {
  const plan = (g: DemandGroup) => planFieldLoad(operations, g.ids, g.fields, ctx, g.exists);
  const cost = (g: DemandGroup) => plan(g).length;
  let current = groups.filter((g) => g.ids.length > 0).map((g) => ({ group: g, calls: cost(g) }));
  for (;;) {
    let best: { i: number; j: number; merged: DemandGroup; calls: number; saved: number } | null =
      null;
    for (let i = 0; i < current.length; i++) {
      for (let j = i + 1; j < current.length; j++) {
        const a = current[i]!;
        const b = current[j]!;
        const merged = {
          ids: union(a.group.ids, b.group.ids),
          fields: union(a.group.fields, b.group.fields),
          exists: a.group.exists === true || b.group.exists === true,
        };
        const calls = cost(merged);
        const saved = a.calls + b.calls - calls;
        if (saved > 0 && (!best || saved > best.saved)) best = { i, j, merged, calls, saved };
      }
    }
    if (!best) break;
    const { i, j, merged, calls } = best;
    current = current.filter((_, k) => k !== i && k !== j);
    current.push({ group: merged, calls });
  }
  return current.flatMap(({ group }) => plan(group));
}
