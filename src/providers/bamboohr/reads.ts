/**
 * The BambooHR reads that return employee fields by id: Get Employee and the custom report. The
 * planner chooses between them; each runs one planned call and hands back the records as
 * BambooHR sent them.
 */
import type { RawReply, ReadOperation } from '../../core/contract/index.js';
import type { BambooHrClient } from './client.js';
import { bytesPerField, isFieldKey } from './fields.js';
import { shapes } from './shapes.js';

/** BambooHR's ceiling on fields per Get Employee and per custom report. */
export const FIELDS_PER_CALL = 400;
/**
 * Ids per custom report. BambooHR documents no ceiling; this bounds one response's size so a
 * wide report of a large company arrives in pieces a process can hold.
 */
export const REPORT_IDS_PER_CALL = 1000;

export type RawRecord = Record<string, unknown>;

/** A record's fields as a Map: records can be hundreds of fields wide. */
export function toMap(record: RawRecord): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const key in record) map.set(key, record[key]);
  return map;
}

interface ReportResponse {
  readonly fields?: readonly { readonly id: string }[];
  readonly employees?: readonly RawRecord[];
}

export function employeeReads(client: BambooHrClient): ReadOperation[] {
  const getEmployee: ReadOperation = {
    name: 'bamboohr.getEmployee',
    supplies: isFieldKey,
    limits: { fieldsPerCall: FIELDS_PER_CALL, idsPerCall: { kind: 'one' } },
    bytesPerRecord: bytesPerField,
    async run(call, ctx): Promise<RawReply[]> {
      const id = call.ids[0]!;
      const record = await client.get<RawRecord>(
        'bamboohr.getEmployee',
        `/v1/employees/${encodeURIComponent(id)}`,
        ctx,
        {
          // Without `fields` BambooHR returns first and last name: enough to prove existence.
          query: call.fields.length > 0 ? { fields: call.fields.join(',') } : {},
          fields: call.fields.length,
          ids: 1,
          notFoundIsNull: true,
          shape: shapes.record,
        },
      );
      return record ? [{ id: record.id, values: toMap(record) }] : [];
    },
  };

  const customReport: ReadOperation = {
    name: 'bamboohr.customReport',
    supplies: isFieldKey,
    limits: {
      fieldsPerCall: FIELDS_PER_CALL,
      idsPerCall: { kind: 'many', max: REPORT_IDS_PER_CALL },
    },
    // The report repeats a field list and wraps every row; a hair dearer than Get Employee, so
    // a single-employee load prefers the endpoint that is not deprecated.
    bytesPerRecord: bytesPerField + 1,
    async run(call, ctx) {
      const fields = call.fields.length > 0 ? [...call.fields] : ['firstName'];
      const report = await client.post<ReportResponse>(
        'bamboohr.customReport',
        '/v1/reports/custom',
        {
          title: 'hrgraph',
          fields,
          filters: { employeeIds: call.ids.map(Number) },
        },
        ctx,
        {
          // The spec's enum is lowercase: `json`, not `JSON`.
          query: { format: 'json', onlyCurrent: 'true' },
          fields: fields.length,
          ids: call.ids.length,
          shape: shapes.report,
        },
      );
      return (report?.employees ?? []).map((row) => ({ id: row.id, values: toMap(row) }));
    },
  };

  return [getEmployee, customReport];
}
