/**
 * An employee row as the loaders store it: its attributes by key (SSN fields left out), each
 * custom field under `custom_fields.<name>`, and the row itself under the row keys the read's
 * includes make. Every key the read was asked for is present, null when the row had no value, so
 * a page that was asked for a custom field nobody filled in never sends the loaders back for it.
 */
import type { ProviderKey, RawReply } from '../../core/contract/index.js';
import { CUSTOM_PREFIX, type EmployeeInclude, rowKey } from './fields.js';
import { isRecord, type Json } from './shapes.js';

const secret = new Set(['ssn', 'hidden_ssn']);

/** A custom field's value as Gusto shows it; "" is how it shows a field without a value. */
function customValue(field: Json): string | null {
  const value = field.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function toReply(
  row: Json,
  includes: ReadonlySet<EmployeeInclude>,
  keys: readonly ProviderKey[],
): RawReply {
  const values = new Map<ProviderKey, unknown>();
  const clean: Json = {};
  for (const key in row) {
    if (secret.has(key)) continue;
    clean[key] = row[key];
    values.set(key, row[key]);
  }
  if (includes.has('custom_fields') && Array.isArray(row.custom_fields)) {
    for (const field of row.custom_fields) {
      if (isRecord(field) && typeof field.name === 'string' && field.name !== '') {
        values.set(`${CUSTOM_PREFIX}${field.name}`, customValue(field));
      }
    }
  }
  values.set(rowKey(''), clean);
  if (includes.has('all_compensations')) values.set(rowKey('all_compensations'), clean);
  for (const key of keys) if (!values.has(key)) values.set(key, null);
  return { id: row.uuid, values };
}
