/**
 * Job history from v2: `GET /v2/persons/{id}/employments`, one person a call. v1 keeps only the
 * current position, department, office and supervisor; v2's employments are dated, so this is
 * where v2 covers the model and v1 does not. Each employment is a row: its start date, position
 * title, department (its org unit of type DEPARTMENT), office and supervisor.
 */
import type {
  HistorySource,
  LookupValues,
  RawReply,
  ReadOperation,
} from '../../core/contract/index.js';
import { remoteId } from '../../core/ids.js';
import type { Employment } from '../../core/model.js';
import type { PersonioClient } from './client.js';
import { EMPLOYMENTS_KEY } from './fields.js';
import { badValue, date, text } from './normalize.js';
import { listedUnit, type OrgIndex } from './org.js';
import { isRecord, type Json, shapes } from './shapes.js';

const bytesPerEmployments = 1200;

export function employmentsRead(client: PersonioClient): ReadOperation {
  return {
    name: 'personio.v2.employments',
    supplies: (key) => key === EMPLOYMENTS_KEY,
    limits: { fieldsPerCall: 1, idsPerCall: { kind: 'one' } },
    bytesPerRecord: bytesPerEmployments,
    provesExistence: false,
    async run(call, ctx): Promise<RawReply[]> {
      const [id] = call.ids;
      const body = await client.get<{ _data: Json[] }>(
        'v2',
        'personio.v2.employments',
        `/v2/persons/${encodeURIComponent(id!)}/employments`,
        ctx,
        { ids: 1, shape: shapes.v2List, notFoundIsNull: true },
      );
      return body === null ? [] : [{ id, values: new Map([[EMPLOYMENTS_KEY, body._data]]) }];
    },
  };
}

/** The id of `{id}` (a v2 reference), or of the first org unit of a type. */
function refId(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return badValue(field, 'a reference that is not an object');
  const id = value.id;
  if (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id)) return id;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
  return badValue(field, 'a reference without a usable id');
}

function department(row: Json): string | null {
  const units = Array.isArray(row.org_units) ? row.org_units.filter(isRecord) : [];
  const unit = units.find((u) => String(u.type).toUpperCase() === 'DEPARTMENT');
  return unit ? refId(unit, 'org_units') : null;
}

const org = (lookups: LookupValues) => lookups.get<OrgIndex>('org');

export const employmentsHistory: HistorySource<Employment> = {
  key: () => EMPLOYMENTS_KEY,
  needs: ['org'],
  rows: (value, owner, lookups) =>
    (Array.isArray(value) ? value.filter(isRecord) : []).map((row) => {
      const id = refId(row, 'employments');
      const ref = (v: string | null) => (v === null ? null : remoteId(v));
      return {
        accountId: owner.accountId,
        remoteId: remoteId(id ?? ''),
        employee: owner.remoteId,
        effectiveDate: date(row, 'start_date'),
        jobTitle: isRecord(row.position) ? text(row.position, 'title') : null,
        department: ref(listedUnit(org(lookups), 'departments', department(row), 'org_units')),
        division: null,
        location: ref(listedUnit(org(lookups), 'offices', refId(row.office, 'office'), 'office')),
        manager: ref(refId(row.supervisor, 'supervisor')),
        raw: row,
      };
    }),
};
