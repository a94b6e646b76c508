/**
 * Collects rule breaches and asserts once: checking 10,000 people with one `expect` per value is
 * slow, and a list of offenders reads better than the first failure.
 */
export interface Violations {
  check(ok: boolean, what: () => string): void;
  readonly list: string[];
}

export function violations(limit = 20): Violations {
  const list: string[] = [];
  return {
    list,
    check(ok, what) {
      if (!ok && list.length < limit) list.push(what());
    },
  };
}
