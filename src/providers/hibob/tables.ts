/**
 * The employee tables hrgraph reads (work, salaries, lifecycle) through Bob's bulk endpoints:
 * `GET /bulk/people/{table}?employeeIds=…&limit=200` answers the rows of up to 200 employees a
 * page, paging natively by `cursor`. They beat the per-person reads (`/people/{id}/{table}`, one
 * call per employee): a page of N people's history is ⌈N / 200⌉ calls instead of N, and one
 * employee's is one call either way, so hrgraph reads every table in bulk (README, "What it
 * costs"). A planned call names at most 200 ids, so its walk is one page; the cursor is still
 * followed, in case Bob pages sooner, and one that does not move is Bob's fault.
 */
import type {
  CallContext,
  PlannedCall,
  RawReply,
  ReadOperation,
} from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import type { HibobClient } from './client.js';
import { type TableName, tableKey } from './fields.js';
import { isRecord, type Json, shapes } from './shapes.js';

/** Bob's `limit` ceiling on the bulk endpoints (above 200 is 400). */
export const BULK_LIMIT = 200;

/** Rough bytes of one employee's table rows, for the planner. */
const bytesPerEmployeeRows = 1200;

interface BulkPage {
  readonly results: readonly Json[];
  readonly response_metadata?: { readonly cursor?: unknown };
}

async function readTable(
  client: HibobClient,
  table: TableName,
  call: PlannedCall,
  ctx: CallContext,
): Promise<RawReply[]> {
  const operation = `hibob.bulk.${table}`;
  const key = tableKey(table);
  const out: RawReply[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await client.call<BulkPage>(operation, `/bulk/people/${table}`, ctx, {
      query: { employeeIds: call.ids.join(','), limit: String(BULK_LIMIT), cursor },
      shape: shapes.bulk,
      ids: call.ids.length,
    });
    for (const row of page.results) {
      out.push({ id: row.employeeId, values: new Map([[key, row.values]]) });
    }
    const next = isRecord(page.response_metadata) ? page.response_metadata.cursor : undefined;
    if (next === null || next === undefined || next === '') return out;
    // Each page holds at least one of the asked employees, so more pages than ids is no walk.
    if (
      typeof next !== 'string' ||
      seen.has(next) ||
      page.results.length === 0 ||
      seen.size >= call.ids.length
    ) {
      throw hrError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `HiBob's ${operation} for account ${client.accountId} sent a cursor that does not move`,
        { accountId: client.accountId, operation },
      );
    }
    seen.add(next);
    cursor = next;
  }
}

export function bulkTableReads(client: HibobClient): ReadOperation[] {
  return (['work', 'salaries', 'lifecycle'] as const).map((table) => ({
    name: `hibob.bulk.${table}`,
    supplies: (key) => key === tableKey(table),
    limits: { fieldsPerCall: 1, idsPerCall: { kind: 'many', max: BULK_LIMIT } },
    bytesPerRecord: bytesPerEmployeeRows,
    // Whoever has no rows is left out, yet exists; an id Bob does not know is under `errors`.
    provesExistence: false,
    run: (call, ctx) => readTable(client, table, call, ctx),
  }));
}
