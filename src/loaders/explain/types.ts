/**
 * What explain says about an operation: per account, the provider calls it would make, each an
 * exact count where the document decides it and a bound (with the reason) where the data does.
 */

/** How many calls: `min === max` when the document decides it; `max: null` when nothing bounds it. */
export interface CallBound {
  readonly min: number;
  readonly max: number | null;
}

/** One part of a plan: the calls one place of the document makes through one provider operation. */
export interface PlanPart {
  /** The response path of the field that makes the calls (`employees`, `employees.nodes.manager`). */
  readonly path: string;
  readonly accountId: string;
  /** The provider operation (`okta.getUser`), or `employee list`, or `lookup <name>`. */
  readonly operation: string;
  readonly calls: CallBound;
  /** Why the count is a range: what it depends on that only the data decides. */
  readonly reason?: string;
}

/**
 * What the data decides and a caller may know (a test that built the company, an operator who
 * knows the page is full): given, the counts that depended on it are exact. Each applies to every
 * list of the operation.
 */
export interface PlanAssumptions {
  /** Records each list page returns. */
  readonly page?: number;
  /** Distinct managers of the page's people who are on the page themselves. */
  readonly managersOnPage?: number;
  /** Distinct managers of the page's people who are not on it. */
  readonly managersOffPage?: number;
  /** Direct reports of the page's people, in all. */
  readonly reports?: number;
  /** Of those, how many are on the page. */
  readonly reportsOnPage?: number;
}

export const exactly = (calls: number): CallBound => ({ min: calls, max: calls });

export function addBounds(a: CallBound, b: CallBound): CallBound {
  return { min: a.min + b.min, max: a.max === null || b.max === null ? null : a.max + b.max };
}

export const sumBounds = (bounds: Iterable<CallBound>) => [...bounds].reduce(addBounds, exactly(0));
