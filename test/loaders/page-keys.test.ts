/**
 * Issue 15, item 5: a page carries what its managers are asked for "when the list op can carry
 * them", and widening "must never add a call (if the union no longer fits in one page call, plan
 * as today)". pageKeys over a list that carries at most three keys of a closed list.
 */
import { describe, expect, it } from 'vitest';
import type { ListOperation, ListQuery } from '../../src/core/contract/index.js';
import { pageKeys } from '../../src/loaders/page-keys.js';

const closed = new Set(['firstName', 'workEmail', 'supervisorEId', 'jobTitle']);
/** Carries keys of its closed list, three at most (the rest are read by id). */
const list = {
  carries: (keys) => keys.filter((key) => closed.has(key)).slice(0, 3),
} as Pick<ListOperation, 'carries'> as ListOperation;
const query: ListQuery = { filter: {}, order: [] };
const wanted = (...keys: string[]) => ({ keys, lookups: [] });

describe("pageKeys: the managers' keys ride on the page only when all of them fit", () => {
  it('no managers asked: the keys the list carries of the selection’s own', () => {
    expect(pageKeys(list, query, wanted('firstName', 'displayName'), null)).toEqual(
      wanted('firstName'),
    );
  });

  it("the managers' keys fit beside the page's own: the page carries both, lookups too", () => {
    const own = wanted('firstName', 'supervisorEId');
    const managers = { keys: ['workEmail'], lookups: ['lists'] };
    expect(pageKeys(list, query, own, managers)).toEqual({
      keys: ['firstName', 'supervisorEId', 'workEmail'],
      lookups: ['lists'],
    });
  });

  it("a manager key the list cannot carry: the page is planned as without the managers'", () => {
    const own = wanted('firstName', 'supervisorEId');
    expect(pageKeys(list, query, own, wanted('workEmail', 'displayName'))).toEqual(own);
  });

  it('a union past the page’s ceiling: the page keeps its own keys, never fewer', () => {
    const own = wanted('firstName', 'supervisorEId', 'jobTitle');
    expect(pageKeys(list, query, own, wanted('workEmail'))).toEqual(own);
  });

  it("managers asking nothing the page does not already ask: the page's own keys", () => {
    const own = wanted('firstName', 'supervisorEId');
    expect(pageKeys(list, query, own, wanted('firstName'))).toEqual(own);
  });
});
