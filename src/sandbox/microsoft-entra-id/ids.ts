/**
 * Entra-shaped ids for synthetic objects: lower-case GUIDs, as Graph writes object ids. The first
 * eight hex digits carry the person (or group) number, so id order is creation order and a
 * `$skiptoken` can be the last id served; the rest is a hash of the tenant and the number, so two
 * companies never share an id and a made-up GUID is no one's.
 */
import { createHash } from 'node:crypto';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function guid(kind: string, domain: string, number: number): string {
  const hex = createHash('sha256').update(`entra:${kind}:${domain}:${number}`).digest('hex');
  const head = number.toString(16).padStart(8, '0');
  // Version 4, variant 1 nibbles, so the value is a well-formed random-looking GUID.
  return `${head}-${hex.slice(0, 4)}-4${hex.slice(4, 7)}-${'89ab'[parseInt(hex[7]!, 16) % 4]}${hex.slice(8, 11)}-${hex.slice(11, 23)}`;
}

function numberOf(kind: string, domain: string, id: string): number | null {
  if (!GUID.test(id)) return null;
  const number = parseInt(id.slice(0, 8), 16);
  return number >= 1 && guid(kind, domain, number) === id ? number : null;
}

/** The user object id of a synthetic person in the tenant of `domain`. */
export const entraUserId = (domain: string, personId: number) => guid('user', domain, personId);

export const personIdFromEntraUserId = (domain: string, id: string) =>
  numberOf('user', domain, id.toLowerCase());

/** Groups in id order: departments first (1…), then divisions (10001…). */
export type GroupKind = 'department' | 'division';
const GROUP_BASE: Record<GroupKind, number> = { department: 0, division: 10_000 };

export const entraGroupId = (domain: string, kind: GroupKind, unitId: number) =>
  guid('group', domain, GROUP_BASE[kind] + unitId);

export function parseEntraGroupId(
  domain: string,
  id: string,
): { kind: GroupKind; unitId: number } | null {
  const number = numberOf('group', domain, id.toLowerCase());
  if (number === null) return null;
  return number > GROUP_BASE.division
    ? { kind: 'division', unitId: number - GROUP_BASE.division }
    : { kind: 'department', unitId: number };
}

/** The tenant id (directory id) of the company. */
export const tenantIdOf = (domain: string) => guid('tenant', domain, 1);

/** The application (client) id of the company's registered hrgraph app. */
export const appIdOf = (domain: string) => guid('app', domain, 1);

export const isGuid = (value: string) => GUID.test(value.toLowerCase());
