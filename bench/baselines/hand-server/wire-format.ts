/**
 * hrgraph's two opaque formats, global IDs and connection cursors, written again here rather than
 * imported: the hand-written server is the code a team would write instead of hrgraph, so it
 * shares none of hrgraph's code (whose cost it is there to measure), only its wire formats, which
 * it must produce byte for byte to answer the same bytes. The harness test compares the two
 * servers' answers, so a change to either format fails it rather than drifting unseen.
 *
 * - Global ID: base64url(`<Type>:<JSON [account, remote id]>`) and the first 6 characters of
 *   base64url(sha256(`hrgraph-id:` + that body)).
 * - Cursor: base64url(JSON {v, a: account, q: query fingerprint, d: direction, n: native token,
 *   s: skip}) `.` the first 22 characters of base64url(HMAC-SHA256(key, that body)).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { HandInputError } from './errors.js';

const checksum = (body: string) =>
  createHash('sha256').update(`hrgraph-id:${body}`).digest('base64url').slice(0, 6);

export function globalId(typename: string, account: string, remoteId: string): string {
  const body = `${typename}:${JSON.stringify([account, remoteId])}`;
  return `${Buffer.from(body, 'utf8').toString('base64url')}${checksum(body)}`;
}

/** The remote id of an ID of `typename` issued for `account`, or null for another account's. */
export function remoteIdOf(id: unknown, typename: string, account: string): string | null {
  if (typeof id !== 'string' || id.length <= 6 || id.length > 1024)
    throw new HandInputError('Invalid ID.');
  const body = Buffer.from(id.slice(0, -6), 'base64url').toString('utf8');
  if (checksum(body) !== id.slice(-6) || !body.startsWith(`${typename}:`))
    throw new HandInputError(`Not the ID of ${typename}.`);
  let key: unknown;
  try {
    key = JSON.parse(body.slice(typename.length + 1));
  } catch {
    throw new HandInputError('Invalid ID.');
  }
  if (!Array.isArray(key) || typeof key[1] !== 'string') throw new HandInputError('Invalid ID.');
  return key[0] === account ? key[1] : null;
}

/** Where a page resumes: `skip` records into the provider page fetched from `native`. */
export interface CursorPosition {
  /** hrgraph's wrapper around BambooHR's cursor; null is the first page. */
  readonly native: string | null;
  readonly skip: number;
}

/** The fingerprint of the one list query the server's pages answer: no filter, default order. */
export const unorderedEmployees = createHash('sha256')
  .update('{"filter":{},"kind":"employees","order":[]}')
  .digest('base64url')
  .slice(0, 16);

const mac = (key: Uint8Array, body: string) =>
  createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);

export function signCursor(key: Uint8Array, account: string, at: CursorPosition): string {
  const payload = { v: 1, a: account, q: unorderedEmployees, d: 'f', n: at.native, s: at.skip };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

export function verifyCursor(key: Uint8Array, account: string, cursor: unknown): CursorPosition {
  const dot = typeof cursor === 'string' && cursor.length < 4096 ? cursor.lastIndexOf('.') : -1;
  if (dot <= 0) throw new HandInputError('`after` is not a cursor this API issued.');
  const text = cursor as string;
  const body = text.slice(0, dot);
  const given = Buffer.from(text.slice(dot + 1));
  const expected = Buffer.from(mac(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HandInputError('`after` is not a valid cursor.');
  const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (p.a !== account || p.q !== unorderedEmployees || p.d !== 'f')
    throw new HandInputError('`after` belongs to another account or query.');
  if ((p.n !== null && typeof p.n !== 'string') || !Number.isSafeInteger(p.s))
    throw new HandInputError('`after` is not a cursor this API issued.');
  return { native: p.n as string | null, skip: p.s as number };
}

/**
 * hrgraph's native token for BambooHR: the provider's cursor with its direction and sort, the
 * page's last record, how many records the walk has returned and the walk's id (random). hrgraph
 * checks the next page against them; this server only carries them, so that both cursors have
 * the same form and length (their walk ids differ, so answers are compared without cursors).
 */
export interface NativePosition {
  readonly bambooCursor: string;
  readonly walked: number;
  readonly walk: string | null;
}

export const wrapNative = (
  bambooCursor: string,
  lastId: string | null,
  walked: number,
  walk: string,
) =>
  JSON.stringify([
    JSON.stringify({ inv: false, mode: 'after', c: bambooCursor }),
    lastId,
    walked,
    walk,
  ]);

export function unwrapNative(native: string): NativePosition {
  const outer = JSON.parse(native) as unknown;
  if (!Array.isArray(outer) || typeof outer[0] !== 'string' || !Number.isSafeInteger(outer[2]))
    throw new HandInputError('`after` is not a cursor of this list.');
  const value = JSON.parse(outer[0]) as { inv?: unknown; mode?: unknown; c?: unknown };
  if (value.inv !== false || value.mode !== 'after' || typeof value.c !== 'string')
    throw new HandInputError('`after` is not a cursor of this list.');
  const walk = typeof outer[3] === 'string' ? outer[3] : null;
  return { bambooCursor: value.c, walked: outer[2] as number, walk };
}
