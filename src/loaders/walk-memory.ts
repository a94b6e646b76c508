/**
 * What the walks through a list have returned so far, kept between requests, so a page repeating
 * anyone from any earlier page of its walk is a provider fault (issue 14) rather than a person
 * shown twice. The cursor alone carries only the record just before the next page: paging is
 * stateless, and no provider promises an order hrgraph could check pages against.
 *
 * A walk is remembered by an id its cursors carry, as where each record first appeared (its
 * position: how many records the walk had returned before that record's page). Positions make
 * re-reads harmless: the connection layer reads a page again to resume inside it, a client
 * retries a page, two tabs share a cursor; a page is compared only with what came before its own
 * position. Memory is bounded (least recently walked first out) and per process: a walk that was
 * forgotten, or whose pages land on different replicas, is checked against the record just
 * before each page only, as before.
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RemoteId } from '../core/ids.js';

export interface WalkMemory {
  /** An id for a new walk, for the cursors of its next pages. */
  begin(): string;
  /**
   * The first of `ids` an earlier page of the walk returned (one before `position`), or null; null
   * too when the walk is not remembered.
   */
  repeated(walk: string, position: number, ids: readonly RemoteId[]): RemoteId | null;
  /** Remembers the page of the walk at `position`. */
  record(walk: string, position: number, ids: readonly RemoteId[]): void;
}

export interface WalkMemoryOptions {
  /** Most records remembered over every walk; a walk longer than this is not remembered. @default 200_000 */
  readonly maxRecords?: number;
  /** How long a walk no page was asked of is remembered (ms). @default 30 minutes */
  readonly idleMs?: number;
}

/** Where each record of a walk first appeared. Boxed: lru-cache sizes a value when it is set. */
interface Walk {
  readonly firstSeen: Map<RemoteId, number>;
}

export function createWalkMemory(options: WalkMemoryOptions = {}): WalkMemory {
  const { maxRecords = 200_000, idleMs = 30 * 60_000 } = options;
  const walks = new LRUCache<string, Walk>({
    maxSize: maxRecords,
    sizeCalculation: (walk) => Math.max(walk.firstSeen.size, 1),
    ttl: idleMs,
    updateAgeOnGet: true,
  });
  return {
    begin: () => randomBytes(12).toString('base64url'),
    repeated(walk, position, ids) {
      const firstSeen = walks.get(walk)?.firstSeen;
      if (!firstSeen) return null;
      return ids.find((id) => (firstSeen.get(id) ?? position) < position) ?? null;
    },
    record(walk, position, ids) {
      const firstSeen = walks.get(walk)?.firstSeen ?? new Map<RemoteId, number>();
      for (const id of ids) {
        const seen = firstSeen.get(id);
        if (seen === undefined || position < seen) firstSeen.set(id, position);
      }
      // Set again, in a new box, so the cache counts what the walk now holds.
      walks.set(walk, { firstSeen });
    },
  };
}
