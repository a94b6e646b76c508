/**
 * Reads by id: the employee list filtered by `uuids`, 100 a call, with the includes the planned
 * keys need. A row is the whole employee whatever was asked, so keys cost nothing per call: N
 * employees cost ⌈N / 100⌉ calls whichever fields, histories or custom fields they need.
 */
import type { RawReply, ReadOperation } from '../../core/contract/index.js';
import type { GustoClient } from './client.js';
import { readEmployeeList, UUIDS_PER_CALL } from './employee-list.js';
import { includesFor, isRowKey } from './fields.js';
import { toReply } from './records.js';

/** Rough bytes of one employee row (its jobs and terminations included). */
const bytesPerRow = 1500;

export function byUuidsRead(client: GustoClient, company: string): ReadOperation {
  return {
    name: 'gusto.employees.byUuids',
    supplies: isRowKey,
    // Keys are attributes of one row, never named in the request: any number fit in one call.
    limits: {
      fieldsPerCall: Number.MAX_SAFE_INTEGER,
      idsPerCall: { kind: 'many', max: UUIDS_PER_CALL },
    },
    bytesPerRecord: bytesPerRow,
    async run(call, ctx): Promise<RawReply[]> {
      const includes = includesFor(call.fields);
      const { rows } = await readEmployeeList(
        client,
        company,
        { uuids: call.ids, includes, page: { page: 1, per: UUIDS_PER_CALL } },
        ctx,
      );
      return rows.map((row) => toReply(row, includes, call.fields));
    },
  };
}
