/**
 * A `POST /people/search` record as the loaders store it: each asked field id under its own key,
 * found where Bob nests it (root fields at the top, every other category as an object:
 * `{id, firstName, work: {title}}`). Every asked key is present, null when Bob sent nothing, so a
 * page asked for a field nobody filled in never sends the loaders back for it.
 */
import type { ProviderKey, RawReply } from '../../core/contract/index.js';
import { ID_KEY } from './fields.js';
import { isRecord, type Json } from './shapes.js';

/** The value of one field id in a record: `work.title` is `record.work.title`. */
export function valueAt(record: Json, key: ProviderKey): unknown {
  const dot = key.indexOf('.');
  const category = key.slice(0, dot);
  const name = key.slice(dot + 1);
  if (category === 'root') return record[name];
  const inner = record[category];
  return isRecord(inner) ? inner[name] : undefined;
}

export function toReply(record: Json, keys: readonly ProviderKey[]): RawReply {
  const values = new Map<ProviderKey, unknown>();
  for (const key of keys) values.set(key, valueAt(record, key) ?? null);
  return { id: valueAt(record, ID_KEY), values };
}
