/**
 * Forged provider replies: what no sandbox fault gives (a record without its id, another
 * employee's record, a cursor that does not move), written over the sandbox's real answer
 * between the adapters and the http client.
 */
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
