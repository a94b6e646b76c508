/**
 * What one request already knows about employees: unified values and raw provider fields, from
 * list pages and from planned loads. A demand this store can answer costs no provider call.
 */

import type { EmployeeRecord } from '../core/contract/index.js';
import type { RemoteId } from '../core/ids.js';
import type { EmployeeField, EmployeeFields } from '../core/model.js';

interface Known {
  readonly fields: Partial<Record<EmployeeField, EmployeeFields[EmployeeField]>>;
  readonly raw: Map<string, unknown>;
}

export interface EmployeeStore {
  put(record: EmployeeRecord): void;
  markMissing(id: RemoteId): void;
  /** True once a load proved the id absent; false when present or not yet known. */
  isMissing(id: RemoteId): boolean;
  exists(id: RemoteId): boolean;
  hasField(id: RemoteId, field: EmployeeField): boolean;
  hasRaw(id: RemoteId, key: string): boolean;
  field<F extends EmployeeField>(id: RemoteId, field: F): EmployeeFields[F] | null;
  raw(id: RemoteId, key: string): unknown;
}

export function createEmployeeStore(): EmployeeStore {
  const known = new Map<RemoteId, Known>();
  const missing = new Set<RemoteId>();
  return {
    put(record) {
      const entry = known.get(record.remoteId) ?? { fields: {}, raw: new Map() };
      Object.assign(entry.fields, record.fields);
      for (const [key, value] of record.raw) entry.raw.set(key, value);
      known.set(record.remoteId, entry);
      missing.delete(record.remoteId);
    },
    markMissing: (id) => {
      if (!known.has(id)) missing.add(id);
    },
    isMissing: (id) => missing.has(id),
    exists: (id) => known.has(id),
    hasField: (id, field) => known.get(id)?.fields[field] !== undefined,
    hasRaw: (id, key) => known.get(id)?.raw.has(key) ?? false,
    field<F extends EmployeeField>(id: RemoteId, field: F) {
      return (known.get(id)?.fields[field] ?? null) as EmployeeFields[F] | null;
    },
    raw: (id, key) => known.get(id)?.raw.get(key) ?? null,
  };
}
