import type fc from 'fast-check';
/**
 * What a provider brings to the spec-generated replies suite: a small kit. The suite does the
 * rest (generation from the spec, the agent under the http client, the invariant); see
 * the README beside the kits for how a provider adds its own.
 */
import type { ProviderAdapter } from '../../../src/core/contract/index.js';
import type { HttpClient } from '../../../src/http/index.js';
import type { AskedEmployee } from './check-result.js';
import type { HeldRecord } from './oracle.js';
import type { Exchange, SentRequest } from './reply-agent.js';
import type { SpecReplies } from './spec-replies.js';

export interface ReplyQuery {
  /** What it exercises, for the test's name: 'a page through the employee dataset'. */
  readonly name: string;
  readonly document: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Employees the query looks up by id (`node`, `employee`, `nodes`): null there is right when no reply held them. */
  readonly asked?: readonly AskedEmployee[];
  /** Walk on: ask again with `variable` = the `endCursor` of the connection at `path`, while it has a next page. */
  readonly walk?: {
    readonly path: readonly string[];
    readonly variable: string;
    readonly pages: number;
  };
}

export interface WhatIsAsked {
  /** Employee ids the request names (path, query, body). */
  readonly ids: readonly string[];
  /** Provider keys (fields) the request asks for. */
  readonly keys: readonly string[];
}

export interface ReplyKit {
  readonly provider: string;
  /** The official spec's replies for every call hrgraph makes (spec-replies.ts). */
  spec(): Promise<SpecReplies>;
  /**
   * The accounts hrgraph connects, over `http`. Each account's base URL must be
   * `http://<accountId>.localhost`: the agent tells accounts apart by host.
   */
  adapters(http: HttpClient): readonly ProviderAdapter[];
  /** What one request asks for: its ids are checked (each was held by an earlier reply or named by the client) and favoured in its reply. */
  asked(request: SentRequest): WhatIsAsked;
  /**
   * Values worth favouring by property name, so generated replies reach past the first check:
   * ids of the provider's id type under the names that hold employee ids (`employeeId`, …),
   * names another reply mentions. Every value must be one the property's schema admits.
   */
  readonly favoured: Readonly<Record<string, readonly string[]>>;
  /** Property names that hold an employee id: they also favour the ids the request asked for. */
  readonly idNames: readonly string[];
  /**
   * Optional properties (by name) a real reply nearly always holds: generated in nine cases of
   * ten, so a spec that makes everything optional still yields cases that reach the values.
   */
  readonly usuallyPresent?: readonly string[];
  /**
   * Cases per query in CI, when the kit's cases are dear (Graph's: about half a second of CPU
   * each); `npm run replies` runs any number. @default the suite's own
   */
  readonly runs?: number;
  /**
   * How deep generated replies nest before only required properties remain (default 8): a spec
   * whose records hold many nested complex types (Graph's user) makes deep cases costly and adds
   * nothing hrgraph reads.
   */
  readonly maxDepth?: number;
  /**
   * Headers the provider sends that its spec does not declare (Okta's `Link`), per operation key;
   * each may be generated or left out.
   */
  headers?(operation: string): Readonly<Record<string, fc.Arbitrary<string>>>;
  /**
   * The employee records a reply held, as the provider's keys: read from the body as the spec
   * describes it (not through hrgraph's reads), with a key a read by id asked for and the record
   * left out held as null.
   */
  records(exchange: Exchange): readonly HeldRecord[];
  readonly queries: readonly ReplyQuery[];
}
