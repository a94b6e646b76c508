/** Option defaults and validation for `createCompany`. */
import { parseIsoDate } from './dates.js';
import type { CompanyOptions } from './types.js';

export interface ResolvedOptions {
  readonly seed: number;
  readonly size: number;
  readonly customFieldCount: number;
  readonly today: string;
  /** Day number of `today`. */
  readonly todayDay: number;
  readonly domain: string;
}

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MIN_TODAY = parseIsoDate('1970-01-01') ?? 0;
const MAX_TODAY = parseIsoDate('2999-12-31') ?? 0;

function integerIn(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `createCompany: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

export function resolveOptions(options: CompanyOptions = {}): ResolvedOptions {
  const {
    seed = 42,
    size = 200,
    customFieldCount = 150,
    today = '2026-06-15',
    domain = 'acme',
  } = options;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new RangeError(`createCompany: seed must be a safe integer, got ${String(seed)}`);
  }
  integerIn('size', size, 10, 100_000);
  integerIn('customFieldCount', customFieldCount, 0, 1000);
  const todayDay = typeof today === 'string' ? parseIsoDate(today) : null;
  if (todayDay === null || todayDay < MIN_TODAY || todayDay > MAX_TODAY) {
    throw new RangeError(
      `createCompany: today must be a calendar date YYYY-MM-DD from 1970-01-01 to 2999-12-31, got ${String(today)}`,
    );
  }
  if (typeof domain !== 'string' || !DOMAIN.test(domain)) {
    throw new RangeError(
      `createCompany: domain must be a lowercase DNS label (a-z, 0-9, '-'), got ${String(domain)}`,
    );
  }
  return { seed, size, customFieldCount, today, todayDay, domain };
}
