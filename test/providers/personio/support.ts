/**
 * A Personio sandbox in-process (its Hono app's fetch, no port) and tokens for it, for the tests
 * of its sandbox and its conformance.
 */
import {
  createPersonioSandbox,
  DEFAULT_PERSONIO_CREDENTIAL,
  type PersonioSandboxOptions,
} from '../../../src/sandbox/personio/index.js';

export function inProcessPersonio(options: PersonioSandboxOptions = {}) {
  const sandbox = createPersonioSandbox({
    company: { seed: 5, size: 40, customFieldCount: 4 },
    ...options,
  });
  const v1 = sandbox.issueToken('v1');
  const v2 = sandbox.issueToken('v2');
  async function call(
    method: string,
    path: string,
    init: { token?: string | null; body?: string; contentType?: string } = {},
  ): Promise<Response> {
    const token = init.token === undefined ? (path.startsWith('/v2/') ? v2 : v1) : init.token;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (init.contentType) headers['content-type'] = init.contentType;
    return sandbox.app.fetch(
      new Request(`http://personio.test${path}`, {
        method,
        headers,
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
    );
  }
  return { sandbox, call, tokens: { v1, v2 }, credential: DEFAULT_PERSONIO_CREDENTIAL };
}
