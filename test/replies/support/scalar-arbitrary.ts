/**
 * Scalars a JSON Schema admits: strings within their lengths (with the short values providers
 * send for "nothing": '', ' ', '0'), integers and numbers within their bounds, and the formats the
 * spec extracts use. Only values JSON can carry: no NaN, no infinities, no unsafe integers.
 */
import fc from 'fast-check';
import type { Schema } from './schema-arbitrary.js';

const bound = (value: unknown) => (typeof value === 'number' ? value : undefined);

function stringArbitrary(s: Schema): fc.Arbitrary<string> {
  const minLength = bound(s.minLength) ?? 0;
  const maxLength = Math.max(minLength, Math.min(bound(s.maxLength) ?? 12, 12));
  const blanks = ['', ' ', '0'].filter((v) => v.length >= minLength && v.length <= maxLength);
  const text = fc.string({ minLength, maxLength });
  return blanks.length === 0
    ? text
    : fc.oneof(
        { weight: 4, arbitrary: text },
        { weight: 1, arbitrary: fc.constantFrom(...blanks) },
      );
}

function integerArbitrary(s: Schema, min?: number, max?: number): fc.Arbitrary<number> {
  const lo = Math.max(
    min ?? Number.MIN_SAFE_INTEGER,
    bound(s.minimum) ?? Number.MIN_SAFE_INTEGER,
    (bound(s.exclusiveMinimum) ?? Number.MIN_SAFE_INTEGER - 1) + 1,
  );
  const hi = Math.min(
    max ?? Number.MAX_SAFE_INTEGER,
    bound(s.maximum) ?? Number.MAX_SAFE_INTEGER,
    (bound(s.exclusiveMaximum) ?? Number.MAX_SAFE_INTEGER + 1) - 1,
  );
  const near = fc.integer({
    min: Math.max(lo, -3),
    max: Math.max(Math.min(hi, 60), Math.max(lo, -3)),
  });
  return fc.oneof(
    { weight: 3, arbitrary: near },
    { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
  );
}

function numberArbitrary(s: Schema): fc.Arbitrary<number> {
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    min: bound(s.minimum) ?? -1e9,
    max: bound(s.maximum) ?? 1e9,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
  });
}

export function scalarArbitrary(s: Schema, type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return integerArbitrary(s);
    case 'number':
      return numberArbitrary(s);
    default:
      throw new Error(`A schema of type ${type} cannot be generated`);
  }
}

const dates = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** A scalar with a `format` or `pattern`; an unknown format is only a string. */
export function formatArbitrary(s: Schema, type: string): fc.Arbitrary<unknown> {
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern));
  if (type === 'integer') {
    if (s.format === 'int32') return integerArbitrary(s, -(2 ** 31), 2 ** 31 - 1);
    return integerArbitrary(s);
  }
  if (type === 'number') return numberArbitrary(s);
  if (type !== 'string') return scalarArbitrary(s, type);
  switch (s.format) {
    case 'date':
      return dates.map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return dates.map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uuid':
      return fc.uuid();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return stringArbitrary(s);
  }
}
