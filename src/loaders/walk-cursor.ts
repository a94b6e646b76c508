/**
 * The native cursors the loaders hand the schema carry, beside the provider's own cursor, what
 * checking the next page of the walk needs: the record just before that page in walking order
 * (a page that contains it repeats the page before), how many records the walk returned so far
 * (a total below that is no count; it is also the page's position in the walk) and the walk's id
 * in the walk memory (null until the walk has a page after its first). The schema signs cursors,
 * so these come back intact.
 */
import { badInput } from '../core/errors.js';
import type { RemoteId } from '../core/ids.js';

export interface WalkCursor {
  readonly native: string;
  readonly boundary: RemoteId | null;
  readonly before: number;
  readonly walk: string | null;
}

export function wrapCursor(cursor: WalkCursor): string {
  return JSON.stringify([cursor.native, cursor.boundary, cursor.before, cursor.walk]);
}

export function unwrapCursor(value: string): WalkCursor {
  try {
    const parsed: unknown = JSON.parse(value);
    // Three parts: a cursor issued before walks were remembered (a rolling upgrade).
    if (Array.isArray(parsed) && (parsed.length === 3 || parsed.length === 4)) {
      const [native, boundary, before, walk = null] = parsed as unknown[];
      if (
        typeof native === 'string' &&
        (boundary === null || typeof boundary === 'string') &&
        typeof before === 'number' &&
        Number.isSafeInteger(before) &&
        before >= 0 &&
        (walk === null || typeof walk === 'string')
      ) {
        return { native, boundary: boundary as RemoteId | null, before, walk };
      }
    }
  } catch {
    // not one of ours
  }
  throw badInput('The cursor does not belong to this list');
}
