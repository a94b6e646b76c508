/**
 * The HiBob sandbox as its conformance tests drive it: in-process through `app.fetch`, a small
 * deterministic company, and the default service user's Basic credentials.
 */
import {
  createHibobSandbox,
  DEFAULT_HIBOB_SERVICE_USER,
  type HibobSandbox,
  type HibobSandboxOptions,
} from '../../../../src/sandbox/hibob/index.js';

export interface HibobCallOptions {
  /** `id:token` for Basic auth; null for no Authorization header. @default the default user */
  readonly credentials?: string | null;
  readonly body?: unknown;
}

export interface HibobConformanceSandbox {
  readonly sandbox: HibobSandbox;
  call(method: string, path: string, options?: HibobCallOptions): Promise<Response>;
}

export const basic = (credentials: string) =>
  `Basic ${Buffer.from(credentials).toString('base64')}`;

export function createHibobConformanceSandbox(
  options: HibobSandboxOptions = {},
): HibobConformanceSandbox {
  const sandbox = createHibobSandbox({
    company: { seed: 7, size: 40, customFieldCount: 6 },
    rateLimit: false,
    ...options,
  });
  const { id, token } = DEFAULT_HIBOB_SERVICE_USER;
  return {
    sandbox,
    async call(method, path, callOptions = {}) {
      const headers = new Headers({ accept: 'application/json' });
      const credentials =
        callOptions.credentials === undefined ? `${id}:${token}` : callOptions.credentials;
      if (credentials !== null) headers.set('authorization', basic(credentials));
      let body: string | undefined;
      if (callOptions.body !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(callOptions.body);
      }
      return sandbox.app.fetch(
        new Request(`http://api.hibob.test/v1${path}`, { method, headers, body }),
      );
    },
  };
}
