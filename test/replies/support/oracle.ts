/**
 * What the generated replies of one case held, as the provider's own records (the kit reads
 * them out of each reply, independently of hrgraph's reads), and the lookups hrgraph loaded,
 * loaded again by the provider's own lookup code from the same bodies (replayed). From these the
 * checks compute each unified value with the provider's documented normalisation.
 */
import type { LookupValues, ProviderAdapter } from '../../../src/core/contract/index.js';
import { createHttpClient, type HttpClient } from '../../../src/http/index.js';
import { createUpstreamRecorder } from '../../../src/http/recorder.js';
import { createReplyAgent, type Exchange } from './reply-agent.js';
import type { SpecReplies } from './spec-replies.js';

export interface HeldRecord {
  readonly id: string;
  /** The record's values by provider key; a key asked for and left out is held as null. */
  readonly values: ReadonlyMap<string, unknown>;
  /**
   * Alternate keys the read that held it was asked by (`email` → the address users.get was
   * given): a provider may answer an alias or former address with the record, whose own key differs.
   */
  readonly askedBy?: Readonly<Record<string, string>>;
}

/** A lookup hrgraph could not have had from these replies: what needs it cannot be checked. */
export class Unverifiable extends Error {}

export interface Oracle {
  records(account: string, id: string): readonly HeldRecord[];
  /** Every record the account's replies held, with its id. */
  held(account: string): readonly HeldRecord[];
  lookups(account: string): LookupValues;
  /** Every scalar any reply held, as text: what a value hrgraph shows may be made of. */
  readonly scalars: ReadonlySet<string>;
}

const key = (account: string, id: string) => `${account}\u0000${id}`;

/**
 * Every string, number and boolean in a body, as text (numbers in a string also as numbers).
 * `keys`: object keys count too, for what a provider names by key (Okta's custom attributes are
 * the keys of its user schema's `properties`); ids checked against earlier replies leave them out.
 */
export function scalarsOf(body: unknown, into: Set<string>, keys = false): void {
  if (body === null || body === undefined) return;
  if (typeof body === 'object') {
    for (const [key, value] of Object.entries(body as object)) {
      if (keys && !Array.isArray(body)) into.add(key);
      scalarsOf(value, into, keys);
    }
    return;
  }
  into.add(String(body));
  if (typeof body === 'string' && body.trim() !== '' && Number.isFinite(Number(body))) {
    into.add(String(Number(body)));
  }
}

export async function buildOracle(options: {
  readonly spec: SpecReplies;
  readonly exchanges: readonly Exchange[];
  readonly records: (exchange: Exchange) => readonly HeldRecord[];
  readonly adapters: (http: HttpClient) => readonly ProviderAdapter[];
}): Promise<Oracle> {
  const { spec, exchanges } = options;
  const held = new Map<string, HeldRecord[]>();
  const scalars = new Set<string>();
  const lastReply = new Map<string, unknown>();
  for (const exchange of exchanges) {
    scalarsOf(exchange.reply, scalars, true);
    lastReply.set(key(exchange.accountId, exchange.operation.key), exchange.reply);
    for (const record of options.records(exchange)) {
      const list = held.get(key(exchange.accountId, record.id)) ?? [];
      list.push(record);
      held.set(key(exchange.accountId, record.id), list);
    }
  }
  // The provider's own lookup code over the same bodies; a lookup no reply fed is unverifiable.
  const replay = createReplyAgent(
    spec,
    (request) => ({ body: lastReply.get(key(request.accountId, request.operation.key)) ?? null }),
    () => {},
  );
  const http = createHttpClient({ dispatcher: replay.dispatcher, maxAttempts: 1 });
  const ctx = { signal: new AbortController().signal, recorder: createUpstreamRecorder() };
  const loaded = new Map<string, Map<string, unknown>>();
  try {
    for (const adapter of options.adapters(http)) {
      const values = new Map<string, unknown>();
      for (const [name, lookup] of Object.entries(adapter.lookups.reads)) {
        try {
          values.set(name, await lookup.load(ctx));
        } catch {
          // not fed by this case's replies
        }
      }
      loaded.set(adapter.accountId, values);
    }
  } finally {
    await http.close();
    await replay.close();
  }
  return {
    records: (account, id) => held.get(key(account, id)) ?? [],
    held: (account) =>
      [...held].filter(([at]) => at.startsWith(key(account, ''))).flatMap(([, list]) => list),
    lookups: (account) => ({
      get<T>(name: string): T {
        const values = loaded.get(account);
        if (!values?.has(name)) throw new Unverifiable(name);
        return values.get(name) as T;
      },
    }),
    scalars,
  };
}
