/**
 * The one way every connection field resolves: check the window, verify the cursor against the
 * account and the query, page, and give every edge a cursor, signed only if someone reads it.
 */
import { badInput } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import type { HrContext } from '../context.js';
import { type CursorPosition, queryFingerprint, signCursor, verifyCursor } from './cursor.js';
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
  const sign = (position: CursorPosition) => signCursor(ctx.cursorKey, scope, position);
  const edges = slice.edges.map(
    (edge) => new LazyCursorEdge(toNode(edge.node), edge.position, sign),
  );
  const firstEdge = edges[0];
  const lastEdge = edges[edges.length - 1];
  return {
    edges,
    pageInfo: {
      hasNextPage: slice.hasNextPage,
      hasPreviousPage: slice.hasPreviousPage,
      get startCursor() {
        return firstEdge?.cursor ?? null;
      },
      get endCursor() {
        return lastEdge?.cursor ?? null;
      },
    },
    totalCount: slice.totalCount,
  };
}

/**
 * An edge whose cursor is signed when first read: an HMAC per edge was ~5% of a directory page's
 * CPU, and a page read through `nodes`, or whose `pageInfo` asks only `endCursor`, needs none or
 * one. The cursor format (one MAC over each edge's own position) is unchanged, so cursors issued
 * before still verify; sharing one MAC across a page would need a new format for that alone.
 */
class LazyCursorEdge<N> {
  #cursor: string | undefined;
  constructor(
    readonly node: N,
    private readonly position: CursorPosition,
    private readonly sign: (position: CursorPosition) => string,
  ) {}
  get cursor(): string {
    this.#cursor ??= this.sign(this.position);
    return this.#cursor;
  }
}
