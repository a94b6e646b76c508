/**
 * How a GraphQL value is compared with a unified value computed from a reply: a normalised enum
 * shows its `value` (and its `…Raw` twin the `raw`), a reference shows the referenced record's
 * `remoteId`, objects compare field by field, and DateTime compares instants (the scalar writes
 * them in its own form). Provenance: a text or number shown must be (part of) a scalar some reply
 * held, never one made up on the way.
 */
import type { Oracle } from './oracle.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isNormalized(value: unknown): value is { value: string; raw: string } {
  return isRecord(value) && 'value' in value && 'raw' in value && Object.keys(value).length === 2;
}

/** Whether `shown` (a GraphQL value of field `name`) is what the unified value `model` says. */
export function matches(shown: unknown, model: unknown, name: string): boolean {
  if (model === null || model === undefined) return shown === null || shown === undefined;
  if (isNormalized(model)) return shown === (name.endsWith('Raw') ? model.raw : model.value);
  if (isRecord(model)) {
    if (!isRecord(shown)) return false;
    return Object.entries(shown).every(
      ([key, value]) => key === '__typename' || matches(value, model[key] ?? null, key),
    );
  }
  if (isRecord(shown)) return shown.remoteId === model;
  if (typeof model === 'string' && typeof shown === 'string' && /T\d\d:/.test(model)) {
    return shown === model || Date.parse(shown) === Date.parse(model);
  }
  return shown === model;
}

/** GraphQL names of history-row fields whose model field is named otherwise. */
const rowAliases: Readonly<Record<string, string>> = {
  employmentStatus: 'status',
  employmentRelationship: 'relationship',
  employmentSchedule: 'schedule',
  createdDate: 'createdAt',
};

/** A history row's field: `statusRaw` reads `status.raw`; aliases as above; else its own name. */
export function rowField(row: Record<string, unknown>, name: string): unknown {
  if (name in row) return row[name];
  if (rowAliases[name]) return row[rowAliases[name]];
  if (name.endsWith('Raw')) return rowField(row, name.slice(0, -3));
  return undefined;
}

/** Whether a shown text or number could have come from the replies of the case. */
export function heldSomewhere(oracle: Oracle, shown: unknown): boolean {
  if (typeof shown === 'boolean') return true;
  const text = String(shown);
  if (oracle.scalars.has(text)) return true;
  if (typeof shown === 'number') return false;
  if (/^\d{4}-\d\d-\d\dT/.test(text)) {
    const instant = Date.parse(text);
    for (const held of oracle.scalars) if (Date.parse(held) === instant) return true;
  }
  for (const held of oracle.scalars) if (held.includes(text)) return true;
  return joinedFromHeld(oracle, text);
}

/**
 * Whether a text is held texts joined by ' ' or ', ': a name a provider composes (Gusto's
 * display name is first and last name, a location's name its street and city).
 */
function joinedFromHeld(oracle: Oracle, text: string): boolean {
  for (const separator of [' ', ', ']) {
    for (let at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
      if (at === 0) continue;
      const rest = text.slice(at + separator.length);
      if (
        oracle.scalars.has(text.slice(0, at)) &&
        (oracle.scalars.has(rest) || joinedFromHeld(oracle, rest))
      )
        return true;
    }
  }
  return false;
}
