/**
 * Forged provider replies: what no sandbox fault gives (a record without its id, another
 * employee's record, a cursor that does not move), written over the sandbox's real answer
 * between the adapters and the http client.
 */
import { expect } from 'vitest';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from '../../src/http/index.js';

export interface ForgeRule {
  /** The provider operation whose 2xx replies are rewritten: `bamboohr.getEmployee`. */
  readonly operation: string;
  /** Only this account's calls. @default every account */
  readonly accountId?: string;
  /** The body to answer instead, from the real one (mutate it or return another). */
  rewrite(body: unknown, request: UpstreamRequest): unknown;
}

export function forgeReplies(rules: readonly ForgeRule[]) {
  return function forging(http: HttpClient): HttpClient {
    return {
      async request(request, ctx) {
        const response = await http.request(request, ctx);
        const rule = rules.find(
          (r) =>
            r.operation === request.operation &&
            (r.accountId === undefined || r.accountId === request.accountId),
        );
        if (!rule || response.status < 200 || response.status >= 300) return response;
        const text = JSON.stringify(rule.rewrite(response.json(), request));
        const forged: UpstreamResponse = {
          status: response.status,
          headers: response.headers,
          text,
          json: <T>() => JSON.parse(text) as T,
        };
        return forged;
      },
      close: () => http.close(),
    };
  };
}

/** One employee asked by id through both roots that take an id. */
export const nodeAndEmployeeQuery = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { ... on Employee { firstName } }
    employee(id: $id) { firstName }
  }
`;

interface QueryResult {
  readonly data?: unknown;
  readonly errors?: readonly {
    readonly path?: readonly (string | number)[];
    readonly extensions?: Readonly<Record<string, unknown>>;
  }[];
}

/**
 * A read by id that answered another record than the one asked for: both roots are null, each
 * with UPSTREAM_BAD_RESPONSE naming the account and the call, never a silent null and never the
 * other person's data under the id asked for.
 */
export function expectAnotherRecordRefused(
  result: QueryResult,
  call: { readonly accountId: string; readonly operation: string },
): void {
  expect(result.data).toEqual({ node: null, employee: null });
  expect(result.errors?.map((e) => e.path)).toEqual(
    expect.arrayContaining([['node'], ['employee']]),
  );
  for (const error of result.errors ?? []) {
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', ...call });
  }
}
