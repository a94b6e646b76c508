/**
 * Reads by id. An employee's v1 attributes come from `GET /v1/company/employees/{id}`, one
 * employee a call with every attribute (the endpoint takes no `attributes[]`), so keys cost
 * nothing per call: N employees cost N calls whichever attributes they need. Personio's v1 list
 * has no id filter, and v2's `/v2/persons?id=…` (which takes several ids) carries names and
 * emails only, so it cannot stand in for this read (README.md in this folder).
 */
import type { RawReply, ReadOperation } from '../../core/contract/index.js';
import type { PersonioClient } from './client.js';
import { isEmployeeKey } from './fields.js';
import { toReply } from './records.js';
import { type Json, shapes } from './shapes.js';

/** Rough bytes of one employee with every attribute. */
const bytesPerEmployee = 4000;

export const isEmployeeId = (id: string) => /^[1-9]\d{0,15}$/.test(id);

export function employeeByIdRead(client: PersonioClient): ReadOperation {
  return {
    name: 'personio.employee',
    supplies: isEmployeeKey,
    limits: { fieldsPerCall: Number.MAX_SAFE_INTEGER, idsPerCall: { kind: 'one' } },
    bytesPerRecord: bytesPerEmployee,
    async run(call, ctx): Promise<RawReply[]> {
      const [id] = call.ids;
      const body = await client.get<{ data: Json }>(
        'v1',
        'personio.employee',
        `/v1/company/employees/${encodeURIComponent(id!)}`,
        ctx,
        { ids: 1, shape: shapes.employee, notFoundIsNull: true },
      );
      return body === null ? [] : [toReply(body.data, call.fields)];
    },
  };
}
