/**
 * What a provider hands the contract suite: a kit that starts its sandbox over a seeded synthetic
 * company and states, as published facts, what the provider's calls can carry. The suite computes
 * every expected call count from these facts and the company's own data, never from the planner,
 * so a planner that overspends fails here. A provider adds its kit as
 * test/providers/<name>/kit.ts, exporting `kit`; kits.ts finds it there.
 */
import type { PageDirection } from '../../src/core/contract/index.js';
import type { EmployeeField } from '../../src/core/model.js';
import type { AccountConfig } from '../../src/providers/registry.js';
import type { FaultInjector } from '../../src/sandbox/common/faults.js';
import type { Person, SyntheticCompany } from '../../src/sandbox/company/types.js';

/** The provider's limits for one kind of account, as its documentation states them. */
export interface PublishedLimits {
  /** Whether one list page can carry this field beside the ids (the matrix asks a few at once). */
  pageCarries(field: EmployeeField): boolean;
  /** Whether a list filtered by manager (for `directReports`) carries this field. */
  reportsCarry(field: EmployeeField): boolean;
  /** Fields one read by ids can return. */
  readonly fieldsPerRead: number;
  /** Ids one read by ids can name. */
  readonly idsPerRead: number;
  /** Managers one list call filtered by manager may name; null when the list has no such filter. */
  readonly managersPerList: number | null;
  /** Most records one list page returns. */
  readonly maxPageSize: number;
  readonly directions: readonly PageDirection[];
  /**
   * Calls a backward walk spends finding the list's end before its first page: 0 where the
   * provider's own cursor starts at the end, 1 where numbered pages need the total first.
   */
  readonly callsToFindTheEnd: number;
}

export interface KitAccount {
  readonly config: AccountConfig;
  readonly limits: PublishedLimits;
}

/** An order for `employees(orderBy:)`, as GraphQL takes it. */
export interface OrderInput {
  readonly field: string;
  readonly direction: 'ASC' | 'DESC';
}

/**
 * A way to list the company (an order, an ids filter, or both): `people()` is what the list
 * returns, in its order. A provider without orders can place managers with the ids filter.
 */
export interface KitPage {
  readonly orderBy?: readonly OrderInput[];
  /** Only these people (`filter: { ids }`, the suite making their global ids). */
  readonly only?: readonly Person[];
  people(): readonly Person[];
}

/**
 * Pages for a list that comes in creation order, where a manager is created (and numbered)
 * before their reports: the whole company holds every manager, and the newest 20, named by the
 * ids filter, hold few of theirs.
 */
export function creationOrderPages(company: SyntheticCompany): KitSandbox['pages'] {
  const byId = [...company.people].sort((a, b) => a.id - b.id);
  const newest = byId.slice(-20);
  return {
    managersOn: { people: () => byId },
    managersOff: { only: newest, people: () => newest },
  };
}

export interface KitSandbox {
  /** One account per way the provider authenticates, on this sandbox's company. */
  readonly accounts: readonly KitAccount[];
  readonly company: SyntheticCompany;
  /** The provider's id for a person of the company. */
  remoteId(person: Person): string;
  /** Lists whose first 20 hold their people's managers, and whose first 20 do not. */
  readonly pages: { readonly managersOn: KitPage; readonly managersOff: KitPage };
  /** Unified fields the provider cannot supply: null at no cost. */
  readonly unsupplied: readonly EmployeeField[];
  /** The sandbox's fault injector (every request of every account of this sandbox). */
  readonly faults: FaultInjector;
  /** The same account with credentials the provider refuses. */
  refused(config: AccountConfig): AccountConfig;
  close(): Promise<void>;
}

export interface KitOptions {
  /** The company's domain, and the stem of its accounts' ids: `acme`, `acme-oauth`. */
  readonly domain: string;
  /** @default 60 */
  readonly size?: number;
  /** @default 11 */
  readonly seed?: number;
}

export interface ContractKit {
  /** The provider's name in the registry. */
  readonly provider: string;
  start(options: KitOptions): Promise<KitSandbox>;
}
