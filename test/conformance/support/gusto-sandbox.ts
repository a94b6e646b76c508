/**
 * The Gusto sandbox as the conformance tests drive it: in-process through `app.fetch`, a small
 * deterministic company, and a token of the primary admin with every read scope.
 */
import { createGustoSandbox, type GustoSandbox } from '../../../src/sandbox/gusto/index.js';

export const gustoOrigin = 'http://api.gusto.test';

export interface GustoCallOptions {
  /** A bearer token, `null` for none. @default the admin's all-scopes token */
  token?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

export interface GustoConformanceSandbox {
  readonly sandbox: GustoSandbox;
  readonly companyUuid: string;
  call(method: string, path: string, options?: GustoCallOptions): Promise<Response>;
  tokenWith(scopes: readonly string[]): string;
}

export function createGustoConformanceSandbox(size = 40): GustoConformanceSandbox {
  const sandbox = createGustoSandbox({
    company: { seed: 7, size, customFieldCount: 12 },
    rateLimit: false,
  });
  const token = sandbox.issueTokens().accessToken;
  return {
    sandbox,
    companyUuid: sandbox.companyUuid,
    async call(method, path, options = {}) {
      const headers = new Headers(options.headers);
      const bearer = options.token === undefined ? token : options.token;
      if (bearer !== null) headers.set('authorization', `Bearer ${bearer}`);
      headers.set('accept', 'application/json');
      return sandbox.app.fetch(
        new Request(`${gustoOrigin}${path}`, { method, headers, body: options.body }),
      );
    },
    tokenWith: (scopes) => sandbox.issueTokens(scopes).accessToken,
  };
}
