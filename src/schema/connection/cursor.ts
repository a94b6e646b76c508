/**
 * Connection cursors. A provider hands out one opaque token per page, but Relay needs a cursor
 * per edge; ours wraps the provider's token with a `skip` count (how many records of the page
 * fetched from that token lie at or before the edge), so paging can resume after any edge.
 *
 * A cursor is bound to its account and to the query's fingerprint (filter and order), and signed
 * with HMAC-SHA256: a cursor from another account, another query, another server key, or an
 * edited one is a BAD_USER_INPUT, never a provider call with a token the provider did not issue.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { badInput } from '../../core/errors.js';

export type PageDirection = 'forward' | 'backward';

/** Where an edge sits: the `skip`-th record of the page fetched in `direction` from `native`. */
export interface CursorPosition {
  readonly direction: PageDirection;
  /** The provider's page token; null means the start (forward) or the end (backward). */
  readonly native: string | null;
  readonly skip: number;
}

/** What a cursor must belong to in order to be accepted. */
export interface CursorScope {
  readonly accountId: string;
  /** From `queryFingerprint`: a cursor of one filter/order is refused by another. */
  readonly fingerprint: string;
}

interface CursorPayload {
  v: 1;
  a: string;
  q: string;
  d: 'f' | 'b';
  n: string | null;
  s: number;
}

const macLength = 22;
const maxCursorLength = 4096;

/** A short stable hash of the query shape a cursor is valid for. */
export function queryFingerprint(shape: unknown): string {
  return createHash('sha256').update(canonicalJson(shape)).digest('base64url').slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function mac(key: Uint8Array, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, macLength);
}

export function signCursor(key: Uint8Array, scope: CursorScope, position: CursorPosition): string {
  const payload: CursorPayload = {
    v: 1,
    a: scope.accountId,
    q: scope.fingerprint,
    d: position.direction === 'forward' ? 'f' : 'b',
    n: position.native,
    s: position.skip,
  };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

function isPayload(value: unknown): value is CursorPayload {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    p.v === 1 &&
    typeof p.a === 'string' &&
    typeof p.q === 'string' &&
    (p.d === 'f' || p.d === 'b') &&
    (p.n === null || typeof p.n === 'string') &&
    typeof p.s === 'number' &&
    Number.isSafeInteger(p.s) &&
    p.s >= 0
  );
}

/** Checks a client's cursor and returns its position, or throws BAD_USER_INPUT naming `arg`. */
export function verifyCursor(
  key: Uint8Array,
  scope: CursorScope,
  cursor: string,
  arg: 'after' | 'before',
): CursorPosition {
  const fail = (why: string): never => {
    throw badInput(`\`${arg}\` ${why}`, { argument: arg });
  };
  const dot = cursor.lastIndexOf('.');
  if (cursor.length > maxCursorLength || dot <= 0) {
    fail('is not a cursor this API issued.');
  }
  const body = cursor.slice(0, dot);
  const given = Buffer.from(cursor.slice(dot + 1), 'utf8');
  const expected = Buffer.from(mac(key, body), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    fail('is not a valid cursor: it was altered, or issued before this server restarted.');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    fail('is not a cursor this API issued.');
  }
  if (!isPayload(payload)) return fail('is not a cursor this API issued.');
  if (payload.a !== scope.accountId) {
    fail(`belongs to another account; cursors are valid only for the account they came from.`);
  }
  if (payload.q !== scope.fingerprint) {
    fail('was issued for a different filter or order; start again without a cursor.');
  }
  return {
    direction: payload.d === 'f' ? 'forward' : 'backward',
    native: payload.n,
    skip: payload.s,
  };
}
