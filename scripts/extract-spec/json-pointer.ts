/** Local `$ref`s (`#/components/schemas/A~1B`) as path segments, and back. */

/** The segments of a local reference; throws for a reference to another document. */
export function refSegments(ref: string): string[] {
  if (!ref.startsWith('#/')) throw new Error(`$ref ${ref} is not a local reference`);
  return ref
    .slice(2)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at `segments` inside `root`, or undefined. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
