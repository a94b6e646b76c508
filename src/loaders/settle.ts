/**
 * Waiting on calls made side by side. `Promise.all` rejects at the first failure while the
 * others are still in flight, and a call that lands after the response was written is missing
 * from its `extensions.upstream`; these wait for every call before failing.
 */

/** The values of every promise, once all have settled; else the first failure. */
export async function allSettledOrThrow<T extends readonly unknown[]>(
  promises: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** An Error for anything thrown. */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
