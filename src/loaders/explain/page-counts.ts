/**
 * The calls one page of employees makes once the data is known (how many records, managers and
 * reports), counted by running the loaders' own planning on stand-in ids: `pageKeys` decides
 * what the page carries, `planLacking` what each batch reads, exactly as list-page.ts and
 * employee-demands.ts do while executing. Only the ids are made up; their number is a fact given.
 */
import type {
  ListQuery,
  PlannedCall,
  ProviderAdapter,
  ProviderKey,
} from '../../core/contract/index.js';
import type { RemoteId } from '../../core/ids.js';
import type { EmployeeField } from '../../core/model.js';
import { type Lacking, planLacking } from '../demand-groups.js';
import { pageKeys } from '../page-keys.js';
import { keysOf } from '../request-state.js';
import type { EmployeeFieldRequest } from '../types.js';

/** What the data decides about one page, all known. */
export interface PageFacts {
  readonly page: number;
  readonly managersOnPage: number;
  readonly managersOffPage: number;
  readonly reports: number;
  readonly reportsOnPage: number;
}

export interface PageShape {
  readonly adapter: ProviderAdapter;
  readonly query: ListQuery;
  /** Fields every node needs. */
  readonly fields: EmployeeFieldRequest;
  /** Fields the nodes' managers are asked for; null when no `manager { … }` asks any. */
  readonly managerFields: EmployeeFieldRequest | null;
  /** Fields of the nodes' `directReports`; null when not selected. */
  readonly reportFields: readonly EmployeeField[] | null;
  /** Records the page asks for. */
  readonly limit: number;
  /** Whether the account's org index is in the shared cache (providers without a manager filter). */
  readonly orgIndexCached: boolean;
}

/** Calls by operation; `uncertain` holds those that may or may not happen (a range's top). */
export interface PageCounts {
  readonly sure: Map<string, number>;
  readonly uncertain: Map<string, number>;
  /** The org index walk, whose length the company's size decides: counted apart. */
  readonly orgIndexWalk: boolean;
}

/** Managers per filtered list call (direct-reports.ts's `managersPerCall`). */
export const managersPerListCall = 200;

const ids = (prefix: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);

function tally(into: Map<string, number>, calls: readonly PlannedCall[]) {
  for (const call of calls) into.set(call.operation, (into.get(call.operation) ?? 0) + 1);
}

function plan(adapter: ProviderAdapter, lacking: Map<string, Lacking>) {
  for (const [id, entry] of lacking)
    if (entry.keys.length === 0 && !entry.exists) lacking.delete(id);
  return planLacking(adapter.employees.reads, lacking, { companySize: 0 });
}

const without = (keys: readonly ProviderKey[], ...held: ReadonlySet<ProviderKey>[]) =>
  keys.filter((key) => !held.some((set) => set.has(key)));

const need = (keys: readonly ProviderKey[], exists = false): Lacking => ({
  keys,
  exists,
  merged: false,
});

export function countPage(shape: PageShape, facts: PageFacts): PageCounts {
  const { adapter, query, fields } = shape;
  const { list, alternateKeys } = adapter.employees;
  const sure = new Map<string, number>([['employee list', 1]]);
  const uncertain = new Map<string, number>();
  const searches = list.searches?.(query) ?? 1;
  if (searches > 1) {
    // One search after another until the page is full: the first may fill it, or each may take
    // a call and the last several.
    const more = searches - 1 + Math.ceil(shape.limit / adapter.capabilities.maxPageSize) - 1;
    if (more > 0) uncertain.set('employee list', more);
  }
  const own = keysOf(adapter, fields);
  const managers = shape.managerFields ? keysOf(adapter, shape.managerFields) : null;
  const carried = new Set(pageKeys(list, query, own, managers).keys);
  const ownLacking = without(own.keys, carried);
  const page = ids('p', facts.page);
  const tick = new Map<string, Lacking>(page.map((id) => [id, need(ownLacking)]));

  const managerRef = keysOf(adapter, { unified: ['manager'], raw: [] }).keys;
  const asksManager = fields.unified.includes('manager') && managerRef.length > 0;
  const byAlternateKey = Object.keys(alternateKeys ?? {}).length > 0;
  const managerKeys = managers?.keys ?? [];
  const onPage = page.slice(0, facts.managersOnPage);
  const offPage = ids('m', facts.managersOffPage);
  if (asksManager && byAlternateKey) {
    // The page names its managers by another key: those off it are read by that key, and that
    // read's record may or may not hold the fields asked of them.
    const read = Object.values(alternateKeys ?? {})[0]?.read;
    if (read && offPage.length > 0) {
      const per = read.idsPerCall;
      const calls =
        per.kind === 'one'
          ? offPage.length
          : per.kind === 'many'
            ? Math.ceil(offPage.length / per.max)
            : 1;
      sure.set(read.name, calls);
    }
    const covered = read?.covers;
    const rest = covered ? managerKeys.filter((key) => !covered(key)) : managerKeys;
    tally(
      covered ? sure : uncertain,
      plan(adapter, new Map(offPage.map((id) => [id, need(rest)]))),
    );
    tally(sure, plan(adapter, tick));
  } else if (asksManager && managerRef.every((key) => carried.has(key))) {
    // The manager is known as the page lands: the managers' fields join the page's own batch.
    for (const id of onPage) {
      tick.set(id, need([...new Set([...ownLacking, ...without(managerKeys, carried)])]));
    }
    for (const id of offPage) tick.set(id, need(managerKeys));
    tally(sure, plan(adapter, tick));
  } else {
    tally(sure, plan(adapter, tick));
    if (asksManager) {
      const loaded = new Set(ownLacking);
      const next = new Map<string, Lacking>();
      for (const id of onPage) next.set(id, need(without(managerKeys, carried, loaded)));
      for (const id of offPage) next.set(id, need(managerKeys));
      tally(sure, plan(adapter, next));
    }
  }
  const orgIndexWalk = countReports(shape, facts, carried, { sure, uncertain });
  return { sure, uncertain, orgIndexWalk };
}

/** `directReports` of every node (direct-reports.ts); returns whether the org index is walked. */
function countReports(
  shape: PageShape,
  facts: PageFacts,
  pageCarried: ReadonlySet<ProviderKey>,
  { sure, uncertain }: Pick<PageCounts, 'sure' | 'uncertain'>,
): boolean {
  const { adapter } = shape;
  if (shape.reportFields === null || facts.page === 0) return false;
  const supplied = new Set(adapter.capabilities.employeeFields);
  const wanted = shape.reportFields.filter((field) => supplied.has(field));
  const reportKeys = keysOf(adapter, { unified: wanted, raw: [] }).keys;
  const onPage = ids('p', facts.reportsOnPage);
  const offPage = ids('r', facts.reports - facts.reportsOnPage, facts.reportsOnPage);
  if (!adapter.capabilities.filters.includes('managers')) {
    if (wanted.length > 0) {
      const lacking = new Map<string, Lacking>([
        ...onPage.map((id) => [id, need(without(reportKeys, pageCarried))] as const),
        ...offPage.map((id) => [id, need(reportKeys, true)] as const),
      ]);
      tally(sure, plan(adapter, lacking));
    }
    return !shape.orgIndexCached;
  }
  const { list } = adapter.employees;
  const query: ListQuery = { filter: { managers: ['m' as RemoteId] }, order: [] };
  const listed = keysOf(adapter, {
    unified: [...new Set([...wanted, 'manager' as const])],
    raw: [],
  });
  const carried = new Set(pageKeys(list, query, listed, null).keys);
  const pageSize = adapter.capabilities.maxPageSize;
  const all = [...onPage, ...offPage];
  const managerRef = keysOf(adapter, { unified: ['manager'], raw: [] }).keys;
  const refLacking = without(managerRef, carried);
  // The walk reads one page at a time, and each page's `manager` is resolved before the next.
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  for (let at = 0; at < pages * pageSize; at += pageSize) {
    const walked = all.slice(at, at + pageSize);
    tally(sure, plan(adapter, new Map(walked.map((id) => [id, need(refLacking)]))));
  }
  // Managers by the list's filter, `managersPerListCall` a list; a provider without OR runs one
  // search per manager, each a call at least. Reports split between lists or searches no better
  // than all in one: one call more per further list or search at most, and none more at least.
  const chunks = Math.ceil(facts.page / managersPerListCall);
  let searches = 0;
  for (let at = 0; at < facts.page; at += managersPerListCall) {
    const managers = ids('p', Math.min(managersPerListCall, facts.page - at), at) as RemoteId[];
    searches += list.searches?.({ filter: { managers }, order: [] }) ?? 1;
  }
  const least = Math.max(chunks, searches, pages);
  const most = Math.max(searches, chunks) + pages - 1;
  sure.set('employee list', (sure.get('employee list') ?? 0) + least);
  if (most > least)
    uncertain.set('employee list', (uncertain.get('employee list') ?? 0) + most - least);
  const read = new Set([...carried, ...refLacking]);
  const lacking = new Map<string, Lacking>([
    ...onPage.map((id) => [id, need(without(reportKeys, read, pageCarried))] as const),
    ...offPage.map((id) => [id, need(without(reportKeys, read))] as const),
  ]);
  tally(sure, plan(adapter, lacking));
  return false;
}
