/**
 * An employee's unified fields and raw keys, from the request's store: the value itself when the
 * store holds its keys (and its lookups are loaded), otherwise a demand in the tick's batch and
 * the value once it lands. Computed values are memoised on the stored record.
 */
import {
  isAlternateRef,
  type LookupName,
  type ProviderAdapter,
  type ProviderKey,
} from '../core/contract/index.js';
import type { EmployeeField, EmployeeFields } from '../core/model.js';
import { createAlternateKeys } from './alternate-keys.js';
import type { RequestState } from './request-state.js';
import type { EmployeeRow, HrLoaders } from './types.js';

/** A value not in the store yet. */
const notReady: unique symbol = Symbol('not ready');

export function createEmployeeValues(
  state: RequestState,
): Pick<HrLoaders, 'employeeField' | 'employeeRaw'> {
  const { store, lookups } = state;
  const references = createAlternateKeys(state);
  /** A field naming another employee by an alternate key becomes that employee's id. */
  const resolved = (adapter: ProviderAdapter, value: unknown) =>
    isAlternateRef(value) ? references.resolve(adapter, value) : value;

  /** The unified value when the store can give it now: keys present, lookups loaded. */
  function valueNow(
    adapter: ProviderAdapter,
    row: EmployeeRow,
    field: EmployeeField,
    keys: readonly ProviderKey[],
    needs: readonly LookupName[],
  ): unknown {
    if (store.isMissing(row.accountId, row.remoteId)) return null;
    const entry = state.entry(row);
    if (!entry) return notReady;
    if (entry.unified.has(field)) return entry.unified.get(field);
    for (const key of keys) if (!entry.values.has(key)) return notReady;
    if (needs.length > 0 && !lookups.ready(adapter, needs)) return notReady;
    const value = adapter.employees.normalize(field, entry.values, lookups.values(adapter));
    entry.unified.set(field, value);
    return value;
  }

  return {
    employeeField<F extends EmployeeField>(row: EmployeeRow, field: F) {
      type Value = EmployeeFields[F] | null;
      const adapter = state.adapter(row.accountId);
      const keys = adapter?.employees.sources[field];
      if (!adapter || !keys || keys.length === 0) return null;
      const needs = adapter.employees.needs?.[field] ?? [];
      const now = valueNow(adapter, row, field, keys, needs);
      if (now !== notReady) return resolved(adapter, now) as Value | Promise<Value>;
      const { accountId, remoteId } = row;
      const demand = { accountId, remoteId, keys, lookups: needs, exists: false };
      return Promise.resolve(state.demand(adapter, demand)).then(function storedValue() {
        const value = valueNow(adapter, row, field, keys, needs);
        return (value === notReady ? null : resolved(adapter, value)) as Value | Promise<Value>;
      });
    },

    employeeRaw(row, keys) {
      const adapter = state.adapter(row.accountId);
      if (!adapter) return {};
      const { idKey } = adapter.employees;
      const read = () => {
        const entry = state.entry(row);
        const out: Record<string, unknown> = {};
        for (const key of keys) {
          out[key] = key === idKey ? row.remoteId : (entry?.values.get(key) ?? null);
        }
        return out;
      };
      const wanted = keys.filter((key) => key !== idKey);
      const { accountId, remoteId } = row;
      const demand = { accountId, remoteId, keys: wanted, lookups: [], exists: false };
      const pending = state.demand(adapter, demand);
      return pending ? pending.then(read) : read();
    },
  };
}
