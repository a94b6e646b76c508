/**
 * Runs a kit's queries against generated replies. One hrgraph server per kit; per case a fresh
 * http client, agent, lookup cache and record of exchanges, and each reply drawn through
 * fast-check's `gen` when the request arrives (so it can favour what the request asked for,
 * and shrinks with the run).
 */
import fc from 'fast-check';
import { createHttpClient } from '../../../src/http/index.js';
import { createLoaders, createLookupCache } from '../../../src/loaders/index.js';
import { createHrGraphServer } from '../../../src/server/create-server.js';
import { queryThrough } from '../../support/hrgraph.js';
import { checkResult } from './check-result.js';
import type { ReplyKit, ReplyQuery } from './kit.js';
import { buildOracle, scalarsOf } from './oracle.js';
import { createReplyAgent, type Exchange, type SentRequest } from './reply-agent.js';
import { type GenerationHints, schemaArbitrary } from './schema-arbitrary.js';
import type { SpecOperation, SpecReplies } from './spec-replies.js';

type Case = ReturnType<typeof newCase>;

function newCase(kit: ReplyKit, spec: SpecReplies, g: fc.GeneratorValue, violations: string[]) {
  const exchanges: Exchange[] = [];
  const held = new Set<string>();
  const clientIds = new Set<string>();
  const arbitraries = new Map<
    string,
    fc.Arbitrary<{ body: unknown; headers: Record<string, string> }>
  >();

  function arbitraryFor(operation: SpecOperation, ids: readonly string[], keys: readonly string[]) {
    const cacheKey = JSON.stringify([operation.key, ids, keys]);
    let arbitrary = arbitraries.get(cacheKey);
    if (!arbitrary) {
      const hints: GenerationHints = {
        knownKeys: [...new Set([...keys, ...kit.idNames])],
        ...(kit.usuallyPresent ? { usuallyPresent: kit.usuallyPresent } : {}),
        byName(name, type) {
          const favoured = [
            ...(kit.favoured[name] ?? []),
            ...(kit.idNames.includes(name) ? ids : []),
          ];
          const usable =
            type === 'string' ? favoured : favoured.filter((v) => /^-?\d+$/.test(v)).map(Number);
          return usable.length > 0 ? fc.constantFrom(...usable) : null;
        },
      };
      const body = schemaArbitrary(operation.body, {
        root: operation.root,
        hints,
        ...(kit.maxDepth === undefined ? {} : { maxDepth: kit.maxDepth }),
      }).filter((value) => operation.validate(JSON.parse(JSON.stringify(value))));
      const headers = fc
        .tuple(
          fc.record(
            Object.fromEntries(
              Object.entries(operation.headers).map(([name, schema]) => [
                name,
                schemaArbitrary(schema, { root: operation.root }).map(String),
              ]),
            ),
          ),
          fc.record({ ...kit.headers?.(operation.key) }, { requiredKeys: [] }),
        )
        .map(([declared, undeclared]) => ({
          ...(undeclared as Record<string, string>),
          ...declared,
        }));
      arbitrary = fc.record({ body, headers });
      arbitraries.set(cacheKey, arbitrary);
    }
    return arbitrary;
  }

  const agent = createReplyAgent(
    spec,
    function answer(request: SentRequest) {
      const asked = kit.asked(request);
      for (const id of asked.ids) {
        if (!held.has(id) && !clientIds.has(id)) {
          violations.push(
            `${request.operation.key}: sent the id ${JSON.stringify(id)}, which no reply held`,
          );
        }
      }
      const reply = g(
        (...args: Parameters<typeof arbitraryFor>) => arbitraryFor(...args),
        request.operation,
        asked.ids,
        asked.keys,
      );
      const body = JSON.parse(JSON.stringify(reply.body)) as unknown;
      exchanges.push({ ...request, reply: body });
      scalarsOf(body, held);
      return { body, headers: reply.headers };
    },
    (what) => violations.push(`${what}: a call no operation of the spec extract describes`),
  );
  const http = createHttpClient({ dispatcher: agent.dispatcher, maxAttempts: 1 });
  const adapters = kit.adapters(http);
  return {
    exchanges,
    clientIds,
    adapters,
    lookupCache: createLookupCache(),
    async close() {
      await http.close();
      await agent.close();
    },
  };
}

/** One exchange in a failure's message: the call and what it was answered. */
function describe(exchange: Exchange): string {
  const body = exchange.body === undefined ? '' : ` ${JSON.stringify(exchange.body)}`;
  return `  ${exchange.accountId} ${exchange.method} ${exchange.url.pathname}${exchange.url.search}${body}\n    → ${JSON.stringify(exchange.reply)}`;
}

export interface KitRunner {
  /**
   * One fast-check property per query: the invariant over any reply the spec allows.
   * `shrinkBudget`: how many cases shrinking may run after the first failure before the smallest
   * failure found so far is reported (a count, so CI stays bounded and deterministic; a case
   * costs a GraphQL request and its checks). @default Infinity
   */
  property(
    query: ReplyQuery,
    options?: { readonly shrinkBudget?: number },
  ): fc.IAsyncPropertyWithHooks<[fc.GeneratorValue]>;
  readonly spec: SpecReplies;
  /** hrgraph's operations the runs so far reached (from upstream accounting). */
  readonly reached: ReadonlySet<string>;
}

export async function prepareKit(kit: ReplyKit): Promise<KitRunner> {
  const spec = await kit.spec();
  let current: Case | null = null;
  const yoga = createHrGraphServer({
    adapters: () => current?.adapters ?? [],
    createLoaders: (init) => createLoaders({ ...init, lookupCache: current!.lookupCache }),
    cursorKey: Buffer.from('replies-cursor-key-replies-curso'),
    // REPLIES_DEBUG=1 unmasks errors and prints each result: what a failing case needs read.
    development: Boolean(process.env.REPLIES_DEBUG),
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
  });
  const query = queryThrough(yoga);
  const reached = new Set<string>();

  async function runCase(q: ReplyQuery, g: fc.GeneratorValue) {
    const violations: string[] = [];
    const each = newCase(kit, spec, g, violations);
    current = each;
    for (const asked of q.asked ?? []) each.clientIds.add(asked.id);
    const seen = new Set<string>();
    try {
      let variables: Record<string, unknown> = { ...q.variables };
      for (let page = 0; page < (q.walk?.pages ?? 1); page++) {
        const result = await query(q.document, variables);
        for (const entry of result.upstream.entries) reached.add(entry.operation);
        if (process.env.REPLIES_DEBUG) console.log(JSON.stringify(result).slice(0, 4000));
        const oracle = await buildOracle({
          spec,
          exchanges: each.exchanges,
          records: kit.records,
          adapters: kit.adapters,
        });
        const catalogs = new Map(each.adapters.map((a) => [String(a.accountId), a.employees]));
        violations.push(
          ...checkResult(result, { oracle, catalog: (a) => catalogs.get(a), asked: q.asked ?? [] }),
        );
        if (!q.walk) break;
        const connection = q.walk.path.reduce<unknown>(
          (at, key) => (at as Record<string, unknown> | null)?.[key] ?? null,
          result.data,
        ) as {
          nodes?: { remoteId: string }[];
          pageInfo?: { hasNextPage: boolean; endCursor: string | null };
        } | null;
        for (const node of connection?.nodes ?? []) {
          if (seen.has(node.remoteId))
            violations.push(`page ${page + 1}: the same employee twice in one walk`);
          seen.add(node.remoteId);
        }
        if (!connection?.pageInfo?.hasNextPage || !connection.pageInfo.endCursor) break;
        variables = { ...variables, [q.walk.variable]: connection.pageInfo.endCursor };
      }
    } finally {
      current = null;
      await each.close();
    }
    return { violations, exchanges: each.exchanges };
  }

  return {
    spec,
    reached,
    property(q, { shrinkBudget = Number.POSITIVE_INFINITY } = {}) {
      let shrinking = -1;
      return fc.asyncProperty(fc.gen(), async (g) => {
        // Past the budget every case passes, so shrinking stops where it got to.
        if (shrinking >= 0 && ++shrinking > shrinkBudget) return;
        const { violations, exchanges } = await runCase(q, g);
        if (violations.length > 0) {
          if (shrinking < 0) shrinking = 0;
          throw new Error(
            `${violations.join('\n')}\nThe replies:\n${exchanges.map(describe).join('\n')}`,
          );
        }
      });
    },
  };
}
