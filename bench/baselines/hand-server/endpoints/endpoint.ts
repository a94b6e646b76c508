/**
 * What every endpoint of the hand-written server is: the request's variables in, the answer's
 * `data` out. Each endpoint answers one query shape (a scenario's), so it reads no GraphQL: the
 * document in the request is ignored, as a REST endpoint would have no document at all.
 */
import type { HandApi } from '../../hand-written/api.js';
import { HandInputError } from '../errors.js';
import type { HandMetadata } from '../metadata.js';

export interface EndpointContext {
  /** BambooHR, recording this request's calls. */
  readonly api: HandApi;
  /** The one account the server reads, as hrgraph names it in IDs and cursors. */
  readonly account: string;
  readonly cursorKey: Uint8Array;
  readonly metadata: HandMetadata;
}

export type Variables = Readonly<Record<string, unknown>>;

export type Endpoint = (variables: Variables, ctx: EndpointContext) => Promise<unknown>;

/** hrgraph's bounds: a page holds at most 1,000 employees, a request names at most 1,000 ids or names. */
export const MAX_ITEMS = 1000;

export function checkAccount(variables: Variables, ctx: EndpointContext): void {
  if (variables.account !== ctx.account)
    throw new HandInputError('`account` is not an account this server reads.');
}

export function pageSize(first: unknown): number {
  if (!Number.isSafeInteger(first) || (first as number) < 1 || (first as number) > MAX_ITEMS)
    throw new HandInputError(`\`first\` must be an integer from 1 to ${MAX_ITEMS}.`);
  return first as number;
}

export function stringList(value: unknown, name: string): string[] {
  if (
    !Array.isArray(value) ||
    value.length > MAX_ITEMS ||
    !value.every((item) => typeof item === 'string')
  )
    throw new HandInputError(`\`${name}\` must be a list of at most ${MAX_ITEMS} strings.`);
  return value;
}

export function isoDate(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new HandInputError(`\`${name}\` must be a date, YYYY-MM-DD.`);
  return value;
}
