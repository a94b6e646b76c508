/** The request log: every served request, so tests and benchmarks can count provider calls. */

export type AuthKind = 'apiKey' | 'oauth' | 'none' | 'invalid';

export interface LogEntry {
  /** 1-based, across the sandbox's life (survives `clear()`). */
  readonly seq: number;
  readonly method: string;
  /** Without the URL-form prefix: `/v1/employees/12`, `/token.php`. */
  readonly path: string;
  /** Decoded query parameters; repeated keys keep every value. */
  readonly query: Readonly<Record<string, string | string[]>>;
  /** Company domain, or null when none was resolved. */
  readonly company: string | null;
  readonly auth: AuthKind;
  readonly status: number;
  /** Field names the request asked for, as the route recorded them. */
  readonly fieldsAsked: readonly string[];
  /** The injected fault, if one was. */
  readonly fault?: string;
}

export type LogFilter = Partial<
  Pick<LogEntry, 'method' | 'company' | 'auth' | 'status' | 'fault'>
> & {
  /** Exact path, or a pattern tested against it. */
  path?: string | RegExp;
};

export interface RequestLog {
  /** Kept entries, oldest first (at most `capacity`). */
  entries(filter?: LogFilter): LogEntry[];
  /** Entries matching `filter` among those kept; without a filter, every request ever served. */
  count(filter?: LogFilter): number;
  /** Forgets entries and resets the running total. */
  clear(): void;
  record(entry: Omit<LogEntry, 'seq'>): LogEntry;
}

/** Query parameters as the log keeps them: repeated keys keep every value, in order. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const prior = out[key];
    out[key] =
      prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

export interface RequestLogOptions {
  /** Entries kept; older ones are dropped but still counted. @default 100_000 */
  capacity?: number;
}

export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const { capacity = 100_000 } = options;
  // A ring: `start` is the oldest kept entry once the buffer wrapped.
  let ring: LogEntry[] = [];
  let start = 0;
  let seq = 0;
  let total = 0;

  function kept(): LogEntry[] {
    return start === 0 ? ring.slice() : [...ring.slice(start), ...ring.slice(0, start)];
  }

  return {
    entries(filter) {
      const all = kept();
      return filter ? all.filter((entry) => matches(entry, filter)) : all;
    },
    count(filter) {
      if (!filter) return total;
      let n = 0;
      for (const entry of ring) if (matches(entry, filter)) n++;
      return n;
    },
    clear() {
      ring = [];
      start = 0;
      total = 0;
    },
    record(partial) {
      seq++;
      total++;
      const entry: LogEntry = { seq, ...partial };
      if (ring.length < capacity) ring.push(entry);
      else {
        ring[start] = entry;
        start = (start + 1) % capacity;
      }
      return entry;
    },
  };
}

function matches(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.company !== undefined && entry.company !== filter.company) return false;
  if (filter.auth !== undefined && entry.auth !== filter.auth) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.fault !== undefined && entry.fault !== filter.fault) return false;
  if (filter.path !== undefined) {
    if (
      typeof filter.path === 'string' ? entry.path !== filter.path : !filter.path.test(entry.path)
    )
      return false;
  }
  return true;
}
