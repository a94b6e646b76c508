/**
 * One request's employee rows, by uuid, with the includes each was read with. Whatever asks for
 * rows in one tick (the employee loader for managers, employments, pay history, status history)
 * is served by one batch of `uuids` calls with the union of the includes, and rows a list page or
 * an earlier batch already brought cost nothing: employments and status history come from the
 * row itself (its jobs, hire date and terminations), so a page's need none of their own calls.
 */
import type { CallContext } from '../../core/contract/index.js';
import type { GustoClient } from './client.js';
import { isUuid, readEmployeeList, UUIDS_PER_CALL } from './employee-list.js';
import type { EmployeeInclude } from './fields.js';
import type { Json } from './shapes.js';

interface Known {
  row: Json;
  readonly includes: Set<EmployeeInclude>;
}

interface Pending {
  readonly ids: readonly string[];
  readonly includes: ReadonlySet<EmployeeInclude>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface EmployeeRows {
  /** Rows of a list page, as read with these includes. */
  remember(rows: readonly Json[], includes: ReadonlySet<EmployeeInclude>): void;
  /** The rows of these uuids carrying these includes; absent uuids are not in the map. */
  load(ids: readonly string[], includes: ReadonlySet<EmployeeInclude>): Promise<Map<string, Json>>;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createEmployeeRows(
  client: GustoClient,
  company: string,
  ctx: CallContext,
): EmployeeRows {
  const known = new Map<string, Known>();
  const absent = new Set<string>();
  let pending: Pending[] = [];

  function remember(rows: readonly Json[], includes: ReadonlySet<EmployeeInclude>) {
    for (const row of rows) {
      const id = String(row.uuid);
      const entry = known.get(id);
      if (entry) {
        entry.row = { ...entry.row, ...row };
        for (const include of includes) entry.includes.add(include);
      } else known.set(id, { row, includes: new Set(includes) });
    }
  }

  const lacks = (id: string, includes: ReadonlySet<EmployeeInclude>) => {
    if (absent.has(id)) return false;
    const entry = known.get(id);
    return !entry || [...includes].some((include) => !entry.includes.has(include));
  };

  async function flush() {
    const batch = pending;
    pending = [];
    const includes = new Set<EmployeeInclude>();
    for (const p of batch) for (const include of p.includes) includes.add(include);
    const ids = [...new Set(batch.flatMap((p) => p.ids))].filter((id) => lacks(id, includes));
    try {
      const replies = await Promise.all(
        chunks(ids, UUIDS_PER_CALL).map((chunk) =>
          readEmployeeList(
            client,
            company,
            { uuids: chunk, includes, page: { page: 1, per: UUIDS_PER_CALL } },
            ctx,
          ),
        ),
      );
      for (const reply of replies) remember(reply.rows, includes);
      for (const id of ids) if (!known.has(id)) absent.add(id);
      for (const p of batch) p.resolve();
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async function load(ids: readonly string[], includes: ReadonlySet<EmployeeInclude>) {
    const valid = ids.filter(isUuid);
    if (valid.some((id) => lacks(id, includes))) {
      await new Promise<void>((resolve, reject) => {
        // Loaders of one tick (DataLoader batches run on the microtask queue) join one batch.
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ ids: valid, includes, resolve, reject });
      });
    }
    const out = new Map<string, Json>();
    for (const id of valid) {
      const entry = known.get(id);
      if (entry) out.set(id, entry.row);
    }
    return out;
  }

  return { remember, load };
}
