/**
 * The Entra sandbox as tests drive it in-process (`app.fetch` on a fake Graph origin): one small
 * deterministic tenant and an access token from its own token endpoint.
 */
import {
  createEntraSandbox,
  type EntraSandbox,
  GRAPH_DEFAULT_SCOPE,
} from '../../../src/sandbox/microsoft-entra-id/index.js';

export const graphOrigin = 'http://graph.entra.test';

export interface EntraTestSandbox {
  readonly sandbox: EntraSandbox;
  /** A Graph call with the app's token (or the `authorization` given, or none with null). */
  call(
    method: string,
    path: string,
    options?: { authorization?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Posts a form to the tenant's token endpoint (`tenant` defaults to the tenant id). */
  token(form: Record<string, string>, tenant?: string): Promise<Response>;
}

export function createEntraTestSandbox(size = 60): EntraTestSandbox {
  const sandbox = createEntraSandbox({ company: { seed: 7, size, customFieldCount: 8 } });
  const bearer = `Bearer ${sandbox.issueAccessToken()}`;
  return {
    sandbox,
    async call(method, path, options = {}) {
      const headers = new Headers({ accept: 'application/json', ...options.headers });
      const authorization = options.authorization === undefined ? bearer : options.authorization;
      if (authorization !== null) headers.set('authorization', authorization);
      if (options.body !== undefined) headers.set('content-type', 'application/json');
      return sandbox.app.fetch(
        new Request(`${graphOrigin}/v1.0${path}`, {
          method,
          headers,
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        }),
      );
    },
    async token(form, tenant = sandbox.tenantId) {
      return sandbox.app.fetch(
        new Request(`${graphOrigin}/${tenant}/oauth2/v2.0/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ scope: GRAPH_DEFAULT_SCOPE, ...form }).toString(),
        }),
      );
    },
  };
}
