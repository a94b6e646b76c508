/**
 * The OAuth `state` parameter (RFC 6749 §10.12): signed, so the callback knows hrgraph started
 * this flow for this account; expiring, so an old link cannot be replayed; and tied to the browser
 * that started it through a nonce also set as a cookie, so nobody can make another person's
 * browser complete a connection they started (login CSRF); and naming the flow /connect recorded,
 * which the callback ends, so one state finishes one connection at most.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountId } from '../core/ids.js';

export interface OAuthStateOptions {
  /** HMAC key. @default 32 random bytes (flows in progress do not survive a restart) */
  readonly key?: Uint8Array;
  /** @default 600_000 (ten minutes, BambooHR's code lifetime) */
  readonly ttlMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export interface IssuedState {
  readonly state: string;
  /** Goes in the cookie; the state carries only its MAC. */
  readonly nonce: string;
}

export type StateCheck =
  | { readonly ok: true; readonly accountId: AccountId; readonly flowId: string }
  | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' | 'other-browser' };

interface Payload {
  readonly a: string;
  /** The flow /connect recorded (connect-links.ts): what makes the state single-use. */
  readonly f: string;
  readonly e: number;
}

export function createOAuthStateSigner(options: OAuthStateOptions = {}) {
  const { key = randomBytes(32), ttlMs = 600_000, now = Date.now } = options;
  const mac = (text: string) => createHmac('sha256', key).update(text).digest();

  function equal(a: Buffer, b: Buffer): boolean {
    return a.length === b.length && timingSafeEqual(a, b);
  }

  return {
    issue(accountId: AccountId, flowId: string): IssuedState {
      const nonce = randomBytes(18).toString('base64url');
      const data: Payload = { a: accountId, f: flowId, e: now() + ttlMs };
      const payload = Buffer.from(JSON.stringify(data)).toString('base64url');
      const signature = mac(`${payload}.${nonce}`).toString('base64url');
      return { state: `${payload}.${signature}`, nonce };
    },
    check(state: string, nonce: string | undefined): StateCheck {
      const [payload, signature, ...rest] = state.split('.');
      if (!payload || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
      if (!nonce) return { ok: false, reason: 'other-browser' };
      if (!equal(mac(`${payload}.${nonce}`), Buffer.from(signature, 'base64url'))) {
        // Either forged, or a real state arriving in a browser whose cookie is not the one set.
        return { ok: false, reason: 'forged' };
      }
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Payload;
      if (typeof data.e !== 'number' || now() > data.e) return { ok: false, reason: 'expired' };
      return { ok: true, accountId: data.a as AccountId, flowId: String(data.f) };
    },
  };
}

export type OAuthStateSigner = ReturnType<typeof createOAuthStateSigner>;
