/**
 * The native cursors the loaders hand the schema carry, beside the provider's own cursor, what
 * checking the next page of the walk needs: the record just before that page in walking order
 * (a page that contains it repeats the page before) and how many records the walk returned so
 * far (a total below that is no count). The schema signs cursors, so these come back intact.
 */
import { badInput } from '../core/errors.js';
import type { RemoteId } from '../core/ids.js';

export interface WalkCursor {
  readonly native: string;
  readonly boundary: RemoteId | null;
  readonly before: number;
}

export function wrapCursor(cursor: WalkCursor): string {
  return JSON.stringify([cursor.native, cursor.boundary, cursor.before]);
}

export function unwrapCursor(value: string): WalkCursor {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [native, boundary, before] = parsed as unknown[];
      if (
        typeof native === 'string' &&
        (boundary === null || typeof boundary === 'string') &&
        typeof before === 'number' &&
        Number.isSafeInteger(before) &&
        before >= 0
      ) {
        return { native, boundary: boundary as RemoteId | null, before };
      }
    }
  } catch {
    // not one of ours
  }
  throw badInput('The cursor does not belong to this list');
}
