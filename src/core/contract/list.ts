/** The list operation: a provider's own paging, filters and orders, one page per call. */
import type { CallContext } from './call-context.js';
import type {
  EmployeeFilter,
  EmployeeFilterName,
  EmployeeOrder,
  EmployeeOrderField,
  NativePage,
  NativePageRequest,
  PageDirection,
} from './employee-list.js';
import type { ProviderKey } from './keys.js';
import type { LookupName, LookupValues } from './lookups.js';
import type { RawReply } from './records.js';

export interface ListQuery {
  readonly filter: EmployeeFilter;
  readonly order: readonly EmployeeOrder[];
}

export interface ListRequest extends ListQuery {
  readonly page: NativePageRequest;
  /** The keys each record should carry: what `carries` granted, nothing more. */
  readonly keys: readonly ProviderKey[];
  /** The lookups `needs` named, loaded. */
  readonly lookups: LookupValues;
}

export interface ListOperation {
  readonly filters: readonly EmployeeFilterName[];
  readonly orders: readonly EmployeeOrderField[];
  /** Most records one page may carry. */
  readonly maxPageSize: number;
  /** The directions the provider's own cursor walks. */
  readonly directions: readonly PageDirection[];
  /** Lookups a page of this query needs before its call (a filter naming groups by name). */
  needs?(query: ListQuery): readonly LookupName[];
  /**
   * Which of `keys` a page of this query can carry at no extra call; the loaders read the rest
   * by id. A page carries a key for every record or for none.
   */
  carries(keys: readonly ProviderKey[], query: ListQuery): readonly ProviderKey[];
  /**
   * At most how many searches the provider runs for one query, walked one after another by one
   * page (a filter language without OR runs one per value): each is a call at least, which is
   * what explain counts. @default 1
   */
  searches?(query: ListQuery): number;
  /**
   * One page, its records as the provider sent them and its native cursors. The loaders check
   * the page (ids valid and unique, no more records than asked, cursors that move, totals that
   * add up) before anything is stored.
   */
  run(request: ListRequest, ctx: CallContext): Promise<NativePage<RawReply>>;
}
