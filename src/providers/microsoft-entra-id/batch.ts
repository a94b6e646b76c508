/**
 * JSON batching (`POST /v1.0/$batch`): up to 20 GETs in one call. Graph throttles each inner
 * request on its own (429 with its own `Retry-After`) while the batch itself is a 200, so a
 * throttled inner request is sent again alone — in a smaller batch, after the longest wait its
 * siblings asked for — and those that succeeded are never asked again.
 */
import type { CallContext } from '../../core/contract/index.js';
import { ErrorCode, hrError } from '../../core/errors.js';
import { unexpectedBodyError } from '../../http/errors.js';
import { parseRetryAfterValue } from '../../http/index.js';
import type { GraphClient } from './client.js';
import { type GraphObject, isObject, shapes } from './shapes.js';

/** Requests one batch may carry (JSON batching's published limit). */
export const BATCH_MAX = 20;
/** Rounds of a batch: the first send and the retries of its throttled requests. */
const ROUNDS = 4;
/** The longest wait an inner `Retry-After` is granted before the call gives up. */
const MAX_WAIT_S = 30;

export interface InnerRequest {
  /** Unique within the batch. */
  readonly id: string;
  /** Relative to the version root: `/users/{id}?$select=…`. */
  readonly url: string;
}

export interface InnerResponse {
  readonly status: number;
  readonly body: unknown;
}

interface BatchReply {
  readonly responses: readonly GraphObject[];
}

const throttled = (status: number) => status === 429 || status === 503;

function retryAfterOf(response: GraphObject, now: number): number | null {
  const headers = isObject(response.headers) ? response.headers : {};
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'retry-after');
  const value = key === undefined ? undefined : headers[key];
  return parseRetryAfterValue(typeof value === 'string' ? value : undefined, now);
}

/** Sends `requests` (at most BATCH_MAX) and answers each by id. */
export async function runBatch(
  client: GraphClient,
  operation: string,
  requests: readonly InnerRequest[],
  ctx: CallContext,
  accounting: { readonly fields: number },
): Promise<Map<string, InnerResponse>> {
  const where = { accountId: client.accountId, operation };
  const answers = new Map<string, InnerResponse>();
  let pending = requests;
  for (let round = 1; ; round++) {
    const reply = await client.call<BatchReply>(operation, '/v1.0/$batch', ctx, {
      body: { requests: pending.map(({ id, url }) => ({ id, method: 'GET', url })) },
      shape: shapes.batch,
      fields: accounting.fields,
      ids: pending.length,
    });
    const asked = new Set(pending.map((r) => r.id));
    let wait = 0;
    const again: InnerRequest[] = [];
    for (const response of reply.responses) {
      const id = response.id as string;
      // An answer to a request not sent (or sent once and answered twice) is no answer to trust.
      if (!asked.delete(id)) throw unexpectedBodyError(where, 200, 'one response per request sent');
      const status = response.status as number;
      if (throttled(status)) {
        again.push(pending.find((r) => r.id === id)!);
        wait = Math.max(wait, retryAfterOf(response, client.now()) ?? 2 ** (round - 1));
      } else {
        answers.set(id, { status, body: response.body ?? null });
      }
    }
    if (asked.size > 0) throw unexpectedBodyError(where, 200, 'a response to every request sent');
    if (again.length === 0) return answers;
    const late = ctx.deadline !== undefined && client.now() + wait * 1000 > ctx.deadline;
    if (round === ROUNDS || wait > MAX_WAIT_S || late) {
      throw hrError(
        ErrorCode.UPSTREAM_RATE_LIMITED,
        `${operation} for account ${client.accountId}: provider rate limited ${again.length} of a batch's requests (HTTP 429) after ${round} attempts`,
        {
          accountId: client.accountId,
          operation,
          attempts: round,
          retryAfter: Math.ceil(wait),
          upstreamStatus: 429,
        },
      );
    }
    await client.sleep(wait * 1000, ctx.signal);
    ctx.signal.throwIfAborted();
    pending = again;
  }
}
