/**
 * The catalogue of BambooHR reads that return employee fields by id. The planner chooses among
 * them; each knows how to run one planned call and hand back raw records keyed by employee id.
 */

import type { CallContext } from '../../core/contract/index.js';
import type { PlannedCall, ReadOperation } from '../../loaders/planner.js';
import type { BambooHrClient } from './client.js';
import { bytesPerField } from './fields.js';
import { shapes } from './shapes.js';

/** BambooHR's ceiling on fields per Get Employee and per custom report. */
export const FIELDS_PER_CALL = 400;
/**
 * Ids per custom report. BambooHR documents no ceiling; this bounds one response's size so a
 * wide report of a large company arrives in pieces a process can hold.
 */
export const REPORT_IDS_PER_CALL = 1000;

export type RawRecord = Record<string, unknown>;

export interface EmployeeReadOperation extends ReadOperation {
  run(call: PlannedCall, ctx: CallContext): Promise<Map<string, RawRecord>>;
}

interface ReportResponse {
  readonly fields?: readonly { readonly id: string }[];
  readonly employees?: readonly RawRecord[];
}

export function employeeReadOperations(client: BambooHrClient): EmployeeReadOperation[] {
  const getEmployee: EmployeeReadOperation = {
    name: 'bamboohr.getEmployee',
    supplies: () => true,
    limits: { fieldsPerCall: FIELDS_PER_CALL, idsPerCall: { kind: 'one' } },
    bytesPerRecord: bytesPerField,
    async run(call, ctx) {
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
      return new Map(record ? [[String(record.id ?? id), record]] : []);
    },
  };

  const customReport: EmployeeReadOperation = {
    name: 'bamboohr.customReport',
    supplies: () => true,
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
          query: { format: 'JSON', onlyCurrent: 'true' },
          fields: fields.length,
          ids: call.ids.length,
          shape: shapes.report,
        },
      );
      const out = new Map<string, RawRecord>();
      for (const row of report?.employees ?? []) out.set(String(row.id), row);
      return out;
    },
  };

  return [getEmployee, customReport];
}
