/**
 * The one way every connection field resolves: check the window, verify the cursor against the
 * account and the query, page, and sign a cursor for every edge.
 */
import { badInput } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import type { HrContext } from '../context.js';
import { queryFingerprint, signCursor, verifyCursor } from './cursor.js';
import { type ConnectionArgs, readPageWindow } from './page-window.js';
import { type PageFetch, paginate } from './paginate.js';

export interface ConnectionRequest<T> {
  readonly accountId: AccountId;
  /** Everything that decides the list's content and order (kind, filter, order, parent). */
  readonly shape: unknown;
  readonly args: ConnectionArgs;
  readonly fetch: PageFetch<T>;
  readonly maxPageSize: number;
  /**
   * Set when the provider's cursor walks forward only: `last` and `before` are refused with the
   * reason, never answered from a partial walk. @default both directions
   */
  readonly forwardOnly?: { readonly provider: string };
}

export interface ConnectionResult<N> {
  readonly edges: { cursor: string; node: N }[];
  readonly pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  readonly totalCount: number | null;
}

export async function resolveConnection<T, N>(
  ctx: HrContext,
  request: ConnectionRequest<T>,
  toNode: (record: T) => N,
): Promise<ConnectionResult<N>> {
  const scope = { accountId: request.accountId, fingerprint: queryFingerprint(request.shape) };
  const { last, before } = request.args;
  if (request.forwardOnly && (last != null || before != null)) {
    throw badInput(
      `${request.forwardOnly.provider} pages forward only: use \`first\` and \`after\` (account ${request.accountId}).`,
      { argument: last != null ? 'last' : 'before' },
    );
  }
  const window = readPageWindow(request.args, ctx.limits, (cursor, arg) =>
    verifyCursor(ctx.cursorKey, scope, cursor, arg),
  );
  const slice = await paginate(request.fetch, window, request.maxPageSize);
  const edges = slice.edges.map((edge) => ({
    cursor: signCursor(ctx.cursorKey, scope, edge.position),
    node: toNode(edge.node),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: slice.hasNextPage,
      hasPreviousPage: slice.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: slice.totalCount,
  };
}
