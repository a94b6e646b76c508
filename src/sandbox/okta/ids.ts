/**
 * Okta-shaped ids for synthetic people and groups: `00u` / `00g` + 17 characters, as Okta's own.
 *
 * Ids depend only on the person id (or group kind and index), never on the seed, so a test can
 * compute them. The first characters encode the number in an ASCII-sorted base-62 alphabet, which
 * makes id order equal person order: Okta lists users by id, and an `after` cursor (an id) is then
 * a lower bound that needs no lookup table.
 */
import { hash32 } from '../company/random.js';

/** ASCII order: digits < upper case < lower case, so string order of equal-length codes is numeric. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const NUMBER_WIDTH = 7;
const USER_TAIL = '0g7';
const GROUP_TAIL = '0g7';

function encode(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function decode(text: string): number | null {
  let value = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = value * 62 + digit;
  }
  return value;
}

/** Seven characters that look random but are fixed for a number: ids must not read as counters. */
function filler(salt: number, value: number): string {
  return encode(hash32(salt, value) % 62 ** 5, 5) + encode(hash32(value, salt) % 62 ** 2, 2);
}

const USER_SALT = 0x6f6b7461;
const GROUP_SALT = 0x67727570;

/** The Okta user id of a synthetic person: `00u` + 17 characters. */
export function oktaUserId(personId: number): string {
  return `00u${encode(personId, NUMBER_WIDTH)}${filler(USER_SALT, personId)}${USER_TAIL}`;
}

/** The person id behind an Okta user id, or null when the string is not one of ours. */
export function personIdFromOktaUserId(userId: string): number | null {
  if (!/^00u[0-9A-Za-z]{17}$/.test(userId)) return null;
  const personId = decode(userId.slice(3, 3 + NUMBER_WIDTH));
  if (personId === null || personId < 1) return null;
  return oktaUserId(personId) === userId ? personId : null;
}

/** Group kinds in id order: `Everyone` first, then departments, divisions, locations. */
export type GroupKind = 'everyone' | 'department' | 'division' | 'location';
const KIND_CODES: Record<GroupKind, string> = {
  everyone: '0',
  department: '1',
  division: '2',
  location: '3',
};

/** `index` is the org unit id (0 for Everyone). */
export function oktaGroupId(kind: GroupKind, index: number): string {
  const number = encode(index, NUMBER_WIDTH - 1);
  const seed = index * 4 + Number(KIND_CODES[kind]);
  return `00g${KIND_CODES[kind]}${number}${filler(GROUP_SALT, seed)}${GROUP_TAIL}`;
}

export function parseOktaGroupId(groupId: string): { kind: GroupKind; index: number } | null {
  if (!/^00g[0-9A-Za-z]{17}$/.test(groupId)) return null;
  const kind = (Object.keys(KIND_CODES) as GroupKind[]).find((k) => KIND_CODES[k] === groupId[3]);
  const index = decode(groupId.slice(4, 4 + NUMBER_WIDTH - 1));
  if (!kind || index === null) return null;
  return oktaGroupId(kind, index) === groupId ? { kind, index } : null;
}

/** Ids of the org's fixed objects (default user type, its schema), fixed per company domain. */
export function orgObjectId(prefix: 'oty' | 'osc' | '00o', domain: string): string {
  let h = 0;
  for (const char of domain) h = hash32(h, char.charCodeAt(0));
  return `${prefix}${encode(h % 62 ** 6, 6)}${filler(h, 1)}${encode(hash32(h, 2) % 62 ** 4, 4)}`;
}
