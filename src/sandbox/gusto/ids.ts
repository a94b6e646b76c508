/**
 * Gusto identifiers. Every object Gusto names by UUID gets one derived from the synthetic
 * company's own ids, so tests can compute expectations and the inverse is O(1):
 * `6a57000K-0000-4SSS-8SSS-PPPPPPPPPPPP` where K is the kind, SSS·SSS a 24-bit secondary number
 * (a row index) and P the 48-bit primary id (a person id, a department id…). Version 4 and the
 * RFC 4122 variant keep them valid UUIDs for any validator.
 */
import { createHash } from 'node:crypto';
import type { SyntheticCompany } from '../company/types.js';

export const UUID_KIND = {
  company: 0,
  employee: 1,
  job: 2,
  compensation: 3,
  department: 4,
  location: 5,
  termination: 6,
  homeAddress: 7,
  customField: 8,
  employeeCustomField: 9,
  timeOffPolicy: 10,
} as const;

export type UuidKind = keyof typeof UUID_KIND;

const PATTERN = /^6a57000([0-9a-f])-0000-4([0-9a-f]{3})-8([0-9a-f]{3})-([0-9a-f]{12})$/;

export function gustoUuid(kind: UuidKind, primary: number, secondary = 0): string {
  const s = secondary.toString(16).padStart(6, '0');
  return `6a57000${UUID_KIND[kind].toString(16)}-0000-4${s.slice(0, 3)}-8${s.slice(3)}-${primary.toString(16).padStart(12, '0')}`;
}

/** The (primary, secondary) pair of a sandbox UUID of that kind, or null for anything else. */
export function parseGustoUuid(
  kind: UuidKind,
  uuid: string,
): { primary: number; secondary: number } | null {
  const match = PATTERN.exec(uuid);
  if (!match || Number.parseInt(match[1]!, 16) !== UUID_KIND[kind]) return null;
  return {
    primary: Number.parseInt(match[4]!, 16),
    secondary: Number.parseInt(`${match[2]}${match[3]}`, 16),
  };
}

/** The employee UUID of a synthetic person. */
export function gustoEmployeeUuid(personId: number): string {
  return gustoUuid('employee', personId);
}

/** The person id behind an employee UUID, or null when it is not one. */
export function personIdFromGustoUuid(uuid: string): number | null {
  const parsed = parseGustoUuid('employee', uuid);
  return parsed && parsed.secondary === 0 ? parsed.primary : null;
}

/** The company UUID: from the company's seed and domain, so two seeds never share one. */
export function gustoCompanyUuid(company: Pick<SyntheticCompany, 'seed' | 'domain'>): string {
  const digest = createHash('sha256').update(`${company.seed}|${company.domain}`).digest();
  return gustoUuid('company', digest.readUIntBE(0, 6), digest.readUIntBE(6, 3));
}

/** A stable version string (Gusto sends a 32-hex digest that changes with the record). */
export function versionOf(...parts: ReadonlyArray<string | number>): string {
  return createHash('md5').update(parts.join('|')).digest('hex');
}
