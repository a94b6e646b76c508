/**
 * Query parameters checked as the Discovery document declares them: integers within
 * `minimum`/`maximum`, strings within `enum`. A bad value is a 400 `invalidParameter` naming the
 * parameter, in Google's wording.
 */
import type { Context } from 'hono';
import type { Directory } from './directory.js';
import { forbidden, invalidParameter } from './respond.js';

/** A parsed value, or the response that refuses it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

export function intParam(
  c: Context,
  name: string,
  range: { min: number; max: number; fallback: number },
): Parsed<number> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return { ok: true, value: range.fallback };
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (Number.isNaN(value)) {
    return {
      ok: false,
      response: invalidParameter(c, name, `Invalid value '${raw}'. Values must be an integer.`),
    };
  }
  if (value < range.min || value > range.max) {
    const message = `Invalid value '${raw}'. Values must be within the range: [${range.min}, ${range.max}]`;
    return { ok: false, response: invalidParameter(c, name, message) };
  }
  return { ok: true, value };
}

export function enumParam<T extends string>(
  c: Context,
  name: string,
  allowed: readonly T[],
): Parsed<T | undefined>;
export function enumParam<T extends string>(
  c: Context,
  name: string,
  allowed: readonly T[],
  fallback: T,
): Parsed<T>;
export function enumParam<T extends string>(
  c: Context,
  name: string,
  allowed: readonly T[],
  fallback?: T,
): Parsed<T | undefined> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return { ok: true, value: fallback };
  // Google matches enum values without regard to case (`sortOrder=descending` works).
  const found = allowed.find((value) => value.toLowerCase() === raw.toLowerCase());
  if (found === undefined) {
    const message = `Invalid value '${raw}'. Values must be one of: ${allowed.join(', ')}`;
    return { ok: false, response: invalidParameter(c, name, message) };
  }
  return { ok: true, value: found };
}

export function boolParam(c: Context, name: string): Parsed<boolean> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '' || raw.toLowerCase() === 'false')
    return { ok: true, value: false };
  if (raw.toLowerCase() === 'true') return { ok: true, value: true };
  return {
    ok: false,
    response: invalidParameter(c, name, `Invalid value '${raw}'. Values must be true or false.`),
  };
}

/** `my_customer` or the tenant's customer id; any other customer is not this admin's to read. */
export function checkCustomer(c: Context, directory: Directory, customer: string): Response | null {
  return customer === 'my_customer' || customer === directory.customerId ? null : forbidden(c);
}

export function checkDomain(c: Context, directory: Directory, domain: string): Response | null {
  return domain.toLowerCase() === directory.domain ? null : forbidden(c);
}
