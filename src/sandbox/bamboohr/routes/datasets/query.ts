/**
 * Filtering, ordering and paging of dataset rows, shared by data v1 and v2. Only the fields a
 * filter or sort reads are computed for every person; full rows are read for the page alone.
 */
import type { Person } from '../../../company/types.js';
import type { Dataset, DatasetField } from './catalog.js';

export type RowPredicate = (read: (field: string) => string | null) => boolean;

export interface SortKey {
  readonly field: DatasetField;
  readonly descending: boolean;
}

export interface QueryPlan {
  readonly dataset: Dataset;
  /** Fields the predicate reads. */
  readonly filterFields: readonly DatasetField[];
  readonly predicate: RowPredicate | null;
  readonly sort: readonly SortKey[];
}

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** Nulls first ascending (and so last descending); numbers as numbers; text without case. */
export function compareValues(a: string | null, b: string | null): number {
  const emptyA = a === null || a === '';
  const emptyB = b === null || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? -1 : 1;
  if (NUMERIC.test(a as string) && NUMERIC.test(b as string))
    return Math.sign(Number(a) - Number(b));
  const x = (a as string).toLowerCase();
  const y = (b as string).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

interface Candidate {
  readonly person: Person;
  readonly keys: (string | null)[];
}

/** The matching people in order. */
export function selectPeople(plan: QueryPlan): Person[] {
  const { dataset, filterFields, predicate } = plan;
  // People are kept in id order and ids are unique, so a leading employeeId key decides alone:
  // the common "page everyone by id" query then costs no sort at all.
  const byId = plan.sort[0]?.field.def === null ? plan.sort[0] : undefined;
  const sort = byId ? [] : plan.sort;
  const sortFields = sort.map((key) => key.field);
  const candidates: Candidate[] = [];
  for (const person of dataset.people) {
    if (predicate) {
      const values = dataset.values(person, filterFields);
      const byName = new Map(filterFields.map((field, i) => [field.name, values[i] ?? null]));
      if (!predicate((name) => byName.get(name) ?? null)) continue;
    }
    const keys = sortFields.length > 0 ? dataset.values(person, sortFields) : [];
    candidates.push({ person, keys });
  }
  if (sort.length > 0) {
    candidates.sort(function byKeys(a, b) {
      for (let i = 0; i < sort.length; i++) {
        const order = compareValues(a.keys[i] ?? null, b.keys[i] ?? null);
        if (order !== 0) return sort[i]?.descending ? -order : order;
      }
      return a.person.id - b.person.id;
    });
  }
  const people = candidates.map((candidate) => candidate.person);
  return byId?.descending ? people.reverse() : people;
}

/**
 * One record: requested field name → value. `empty` stands in for a missing value: v2 types
 * every value as a string (''), v1's schema leaves them untyped (null).
 */
export function recordOf<E extends string | null>(
  dataset: Dataset,
  person: Person,
  fields: readonly DatasetField[],
  empty: E,
): Record<string, string | E> {
  const values = dataset.values(person, fields);
  return Object.fromEntries(fields.map((field, i) => [field.name, values[i] ?? empty]));
}
