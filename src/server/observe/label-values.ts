/**
 * Metric label values, bounded. A label value that a client or a provider can choose makes a new
 * time series each time: a scrape that grows without end, and ids or names in a monitoring
 * system. So every value here is either from a fixed set, or a name the code itself declares
 * (provider operations), or an operation name among the first `maxNames` a server has seen.
 */

/** Provider operations as definitions name them (`bamboohr.customReport`, `gusto.token.refresh_token`). */
const operationShape = /^[a-z][a-z0-9-]{0,31}(\.[A-Za-z][A-Za-z0-9_]{0,63}){1,3}$/;

export const OTHER = 'other';

export function operationLabel(operation: string): string {
  return operationShape.test(operation) ? operation : OTHER;
}

/** The provider an operation belongs to: its first segment, as definitions name them. */
export function providerLabel(operation: string): string {
  return operationShape.test(operation) ? operation.slice(0, operation.indexOf('.')) : OTHER;
}

/** An HTTP status as a label: a code a provider could send, else `none` (no answer). */
export function statusLabel(status: number | null): string {
  return status !== null && Number.isInteger(status) && status >= 100 && status <= 599
    ? String(status)
    : 'none';
}

/**
 * GraphQL operation names: the first `maxNames` distinct names keep their own series, every
 * later one is counted as `other`. Per server, so a restart forgets them.
 */
export function operationNames(maxNames = 100) {
  const seen = new Set<string>();
  return function operationNameLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= maxNames) return OTHER;
    seen.add(name);
    return name;
  };
}
