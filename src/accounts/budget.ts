/**
 * A budget of provider calls, carried by an API token or an account: at most this many calls for
 * one request (refused before any call when its plan needs more) and per minute (a sliding
 * window of the calls actually made). Null is no limit. Provider budgets (Gusto's 200 a minute,
 * Google's 2,400) are the http layer's and apply whatever these say.
 */
export interface Budget {
  readonly perRequest: number | null;
  readonly perMinute: number | null;
}

export const noBudget: Budget = { perRequest: null, perMinute: null };

/** A budget as stored: two nullable integer columns. */
export function budgetOf(perRequest: unknown, perMinute: unknown): Budget {
  const read = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return { perRequest: read(perRequest), perMinute: read(perMinute) };
}

export const hasBudget = (budget: Budget | undefined) =>
  budget !== undefined && (budget.perRequest !== null || budget.perMinute !== null);
