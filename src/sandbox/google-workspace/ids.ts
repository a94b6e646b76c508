/**
 * Google's identifiers for the synthetic company. A user id is a 21-digit decimal string, as
 * Google's are; it is an invertible mix of the person id (independent of the seed) so tests can
 * compute it and the sandbox can resolve it without a lookup table.
 */

const BASE = 10n ** 20n;
/** Odd and not a multiple of 5, so it has an inverse modulo 10^20. */
const MIX = 73_856_093_837_491n;
const UNMIX = modularInverse(MIX, BASE);
/** Shifts small person ids away from `1000000…`, so ids look like Google's. */
const OFFSET = 4_375_894_218_347_823_654n;

function modularInverse(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [value, modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

/** `googleUserId(1)` → a 21-digit string starting with `1`, stable forever. */
export function googleUserId(personId: number): string {
  if (!Number.isSafeInteger(personId) || personId < 1) {
    throw new RangeError(`googleUserId: person id must be a positive integer, got ${personId}`);
  }
  return String(BASE + ((BigInt(personId) * MIX + OFFSET) % BASE));
}

/** The inverse of `googleUserId`; null for anything that is not one of its outputs. */
export function personIdFromGoogleUserId(userId: string): number | null {
  if (!/^1\d{20}$/.test(userId)) return null;
  const mixed = BigInt(userId) - BASE;
  const id = (((((mixed - OFFSET) % BASE) + BASE) % BASE) * UNMIX) % BASE;
  return id >= 1n && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : null;
}

/** FNV-1a over a string: the seed of every other derived id. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function base36(text: string, length: number): string {
  let out = '';
  let salt = 0;
  while (out.length < length) out += hashString(`${salt++}:${text}`).toString(36);
  return out.slice(0, length);
}

/** Customer ids look like `C03az79cb`. */
export function customerIdFor(domain: string, seed: number): string {
  return `C0${base36(`customer:${seed}:${domain}`, 7)}`;
}

/** Org unit ids look like `id:03ph8a2z1enx4lx`. */
export function orgUnitIdFor(path: string, customerId: string): string {
  return `id:03ph8a2z${base36(`ou:${customerId}:${path}`, 7)}`;
}

/** Group ids are 15 characters, like `00gjdgxs1cbaxyz`. */
export function groupIdFor(email: string): string {
  return `03${base36(`group:${email}`, 13)}`;
}

/** Schema ids are 22 characters of base64url-like text. */
export function schemaIdFor(name: string, customerId: string): string {
  return base36(`schema:${customerId}:${name}`, 22);
}

/** An ETag as Google writes it in JSON: a quoted opaque string. */
export function etagOf(text: string): string {
  return `"${base36(`etag:${text}`, 27)}"`;
}
