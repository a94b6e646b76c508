/**
 * Opaque page tokens: an offset into the query's ordered result, bound to the query (a hash of
 * the parameters that shape the result) and stamped with the clock, HMAC-signed with a secret
 * made per sandbox. Google says a token "is only valid for three days"; an expired, foreign or
 * garbled token is a 400 `Invalid Input`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../common/clock.js';

export const PAGE_TOKEN_TTL_MS = 3 * 86_400_000;

export interface PageTokens {
  issue(binding: string, offset: number): string;
  /** The offset a token points at, or null when it is garbled, foreign to the query or expired. */
  read(token: string, binding: string): number | null;
}

export function createPageTokens(clock: Clock, ttlMs = PAGE_TOKEN_TTL_MS): PageTokens {
  const secret = randomBytes(32);
  const sign = (text: string) => createHmac('sha256', secret).update(text).digest().subarray(0, 16);
  return {
    issue(binding, offset) {
      const body = `${offset}.${clock.now()}.${binding}`;
      return Buffer.concat([sign(body), Buffer.from(body)]).toString('base64url');
    },
    read(token, binding) {
      const raw = Buffer.from(token, 'base64url');
      if (raw.length < 17 || raw.toString('base64url') !== token) return null;
      const mac = raw.subarray(0, 16);
      const body = raw.subarray(16).toString();
      if (!timingSafeEqual(mac, sign(body))) return null;
      const [offset, issued, ...rest] = body.split('.');
      if (rest.join('.') !== binding) return null;
      if (clock.now() - Number(issued) > ttlMs) return null;
      const value = Number(offset);
      return Number.isSafeInteger(value) && value >= 0 ? value : null;
    },
  };
}

/** A binding from the parameters that define a result set (not its page size). */
export function bindingOf(parts: Record<string, string | boolean | undefined>): string {
  return createHmac('sha256', 'binding')
    .update(JSON.stringify(Object.entries(parts).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('base64url')
    .slice(0, 16);
}
