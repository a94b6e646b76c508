import type { ProviderKey } from './keys.js';

/**
 * One record as a provider's read sent it: its id exactly as it arrived (the loaders check it
 * before anything is stored) and its values by provider key. A Map, because a record can carry
 * hundreds of custom fields, and objects that wide are slow in V8; the loaders' store adopts it
 * rather than copying it.
 */
export interface RawReply {
  readonly id: unknown;
  readonly values: Map<ProviderKey, unknown>;
}

/** One employee's stored values, read-only: what normalisation sees. */
export type RawEmployee = ReadonlyMap<ProviderKey, unknown>;
