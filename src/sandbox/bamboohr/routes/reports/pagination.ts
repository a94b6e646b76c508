/**
 * The v1 `pagination` object of custom-reports and datasets v1/v1.2 (spec Pagination): page 1 and
 * 500 per page by default, at most 1000; "invalid or zero values fall back to their defaults" and
 * "out-of-range page numbers are clamped to the nearest valid page". Links are absolute URLs.
 */

export interface V1Pagination {
  total_records: number;
  current_page: number;
  total_pages: number;
  next_page: string | null;
  prev_page: string | null;
}

export interface V1Page<T> {
  readonly items: T[];
  readonly pagination: V1Pagination;
}

function positiveInt(raw: string | undefined, fallback: number): number {
  if (raw === undefined || !/^\d+$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 ? n : fallback;
}

/**
 * @param url the endpoint's absolute URL without query; `page` and `page_size` are appended.
 */
export function paginateV1<T>(
  all: readonly T[],
  pageParam: string | undefined,
  pageSizeParam: string | undefined,
  url: string,
): V1Page<T> {
  const pageSize = Math.min(positiveInt(pageSizeParam, 500), 1000);
  const totalPages = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(positiveInt(pageParam, 1), totalPages);
  const link = (n: number): string => `${url}?page=${n}&page_size=${pageSize}`;
  return {
    items: all.slice((page - 1) * pageSize, page * pageSize),
    pagination: {
      total_records: all.length,
      current_page: page,
      total_pages: totalPages,
      next_page: page < totalPages ? link(page + 1) : null,
      prev_page: page > 1 ? link(page - 1) : null,
    },
  };
}
