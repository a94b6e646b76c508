/**
 * V8 keeps the result of a template literal or `+` as a rope (a "cons string" pointing at its
 * parts), which for a typical 30-character email costs about three times the flat string.
 * Reading one character makes V8 flatten the rope in place, and the next garbage collection drops
 * the parts. Measured on 100,000 people this saves over a hundred megabytes; on an engine that
 * does not use ropes it is a no-op.
 */
export function flat(value: string): string {
  value.charCodeAt(0);
  return value;
}

export function flatOrNull(value: string | null): string | null {
  if (value !== null) value.charCodeAt(0);
  return value;
}
