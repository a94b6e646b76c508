/**
 * The length of a list whose replies do not say it (the spec declares no `X-Total-Count`), for
 * "the last N" with no cursor: pages of the maximum size, doubling the page number while pages
 * are full, then halving between the last full page and the first that is not. About
 * 2 × log2(pages) calls however long the list, where walking to its end would cost one a page.
 */
import { ErrorCode, hrError } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';

/** Doubling past 2^20 pages means the provider never ends a list. */
const maxSearchedPage = 2 ** 20;

export interface ListLengthSearch {
  readonly accountId: AccountId;
  readonly per: number;
  /** Rows on a page (1-based) of `per` rows. */
  rowsOn(page: number): Promise<number>;
  /** Rows on page 1, when a read already told. */
  readonly firstPage?: number;
}

export async function listLength(search: ListLengthSearch): Promise<number> {
  const { per, rowsOn } = search;
  let full = 0;
  let notFull = 1;
  let rowsOfNotFull = search.firstPage ?? (await rowsOn(1));
  while (rowsOfNotFull >= per) {
    full = notFull;
    notFull *= 2;
    if (notFull > maxSearchedPage) {
      const where = { accountId: search.accountId, operation: 'gusto.employees.list' };
      throw hrError(
        ErrorCode.UPSTREAM_BAD_RESPONSE,
        `${where.operation} for account ${where.accountId}: a list whose pages never end`,
        where,
      );
    }
    rowsOfNotFull = await rowsOn(notFull);
  }
  while (notFull - full > 1) {
    const middle = Math.floor((full + notFull) / 2);
    const rows = await rowsOn(middle);
    if (rows >= per) full = middle;
    else [notFull, rowsOfNotFull] = [middle, rows];
  }
  return (notFull - 1) * per + rowsOfNotFull;
}
