/**
 * The plan of one page of employees before any call: page-counts.ts counts it for known data,
 * and this turns what is not known (how many records come back, how many managers are off the
 * page, how many reports) into a bound, from the counts at the least and the most the data
 * allows. Calls are attributed to the field that causes them: the list itself, `manager`, and
 * `directReports`.
 */
import { countPage, type PageCounts, type PageFacts, type PageShape } from './page-counts.js';
import type { CallBound, PlanAssumptions, PlanPart } from './types.js';

export interface PagePlanInput extends PageShape {
  /** The response path of the list field (`employees`, `account.employees`). */
  readonly path: string;
  /** Most records the page may hold: `first`/`last`, or fewer when a filter names fewer ids. */
  readonly maxRecords: number;
  readonly assume?: PlanAssumptions;
}

type Tally = Map<string, Map<string, number>>;

/** Calls by path, then operation: each field charged what adding it to the page adds. */
function attribute(shape: PageShape, facts: PageFacts, path: string, top: boolean): Tally {
  const count = (s: PageShape) => {
    const counts: PageCounts = countPage(s, facts);
    const out = new Map(counts.sure);
    if (top) for (const [op, n] of counts.uncertain) out.set(op, (out.get(op) ?? 0) + n);
    return out;
  };
  const base = count({ ...shape, managerFields: null, reportFields: null });
  const managed = count({ ...shape, reportFields: null });
  const full = count(shape);
  const delta = (a: Map<string, number>, b: Map<string, number>) =>
    new Map([...a].map(([op, n]) => [op, n - (b.get(op) ?? 0)] as const).filter(([, n]) => n > 0));
  return new Map([
    [path, base],
    [`${path}.nodes.manager`, delta(managed, base)],
    [`${path}.nodes.directReports`, delta(full, managed)],
  ]);
}

/** Manager splits of a page of `n` worth trying for the most calls: every one, or a sample. */
function splits(n: number): number[] {
  if (n <= 200) return Array.from({ length: n + 1 }, (_, i) => i);
  const step = n / 100;
  return [...new Set(Array.from({ length: 101 }, (_, i) => Math.round(i * step)))];
}

export function planPage(input: PagePlanInput): PlanPart[] {
  const { assume = {}, maxRecords, path } = input;
  const cap = (value: number | undefined) =>
    value === undefined ? undefined : Math.min(value, maxRecords);
  const known = cap(assume.page);
  const least: PageFacts = {
    page: known ?? 0,
    managersOnPage: assume.managersOnPage ?? 0,
    managersOffPage: assume.managersOffPage ?? 0,
    reports: assume.reports ?? 0,
    reportsOnPage: assume.reportsOnPage ?? 0,
  };
  const n = known ?? maxRecords;
  const most: PageFacts[] = (
    assume.managersOnPage === undefined ? splits(n) : [assume.managersOnPage]
  ).map((on) => ({
    page: n,
    managersOnPage: on,
    managersOffPage: assume.managersOffPage ?? n - on,
    // Unknown, and unbounded: as many as the page, to name the operations they cost.
    reports: assume.reports ?? n,
    reportsOnPage: assume.reportsOnPage ?? 0,
  }));
  const low = attribute(input, least, path, false);
  const highs = most.map((facts) => attribute(input, facts, path, true));
  const reasons = reasonsOf(input, known !== undefined);
  const walk =
    input.reportFields !== null &&
    !input.orgIndexCached &&
    !input.adapter.capabilities.filters.includes('managers');
  const reportsUnbounded = input.reportFields !== null && assume.reports === undefined;

  const parts: PlanPart[] = [];
  for (const [at, reason] of reasons) {
    const operations = new Set([...(low.get(at) ?? new Map()).keys()]);
    for (const high of highs)
      for (const op of (high.get(at) ?? new Map()).keys()) operations.add(op);
    if (at.endsWith('.directReports') && walk) operations.add('employee list');
    for (const operation of operations) {
      const min =
        (low.get(at)?.get(operation) ?? 0) +
        (walk && at.endsWith('.directReports') && operation === 'employee list' ? 1 : 0);
      const max = Math.max(...highs.map((high) => high.get(at)?.get(operation) ?? 0));
      const unbounded = at.endsWith('.directReports') && (reportsUnbounded || walk);
      const calls: CallBound = { min, max: unbounded ? null : Math.max(min, max) };
      parts.push({
        path: at,
        accountId: input.adapter.accountId,
        operation,
        calls,
        ...(calls.min === calls.max ? {} : { reason }),
      });
    }
  }
  return parts;
}

function reasonsOf(input: PagePlanInput, pageKnown: boolean): Map<string, string> {
  const { path, maxRecords } = input;
  const page = pageKnown ? '' : `the page holds 0..${maxRecords} records`;
  const join = (...parts: string[]) => parts.filter(Boolean).join('; ');
  return new Map([
    [path, page],
    [`${path}.nodes.manager`, join(page, `managers on and off the page: 0..${maxRecords} of each`)],
    [
      `${path}.nodes.directReports`,
      join(
        page,
        "how many reports the page's people have",
        input.reportFields !== null &&
          !input.orgIndexCached &&
          !input.adapter.capabilities.filters.includes('managers')
          ? "the org index is not cached: the whole list is read once, its length the company's"
          : '',
      ),
    ],
  ]);
}
