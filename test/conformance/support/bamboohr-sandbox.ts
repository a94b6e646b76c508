/**
 * The BambooHR sandbox as the conformance tests drive it: in-process through `app.fetch`, one
 * small deterministic company, an API key and an OAuth token for its admin (employee 1).
 */
import { type BambooHrSandbox, createBambooHrSandbox } from '../../../src/sandbox/bamboohr/app.js';

export interface ConformanceSandboxOptions {
  /** @default 7 */
  seed?: number;
  /** @default 50 */
  size?: number;
  /** @default 20 */
  customFieldCount?: number;
}

/** How a request authenticates: the admin's API key, the admin's OAuth token, nothing, or a raw header. */
export type Auth = 'key' | 'token' | 'none' | { authorization: string };

export interface CallOptions {
  /** @default 'key' */
  auth?: Auth;
  /** @default 'application/json'; null sends no Accept header */
  accept?: string | null;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  /** @default 'application/json' when a body is given */
  contentType?: string;
  headers?: Record<string, string>;
  /**
   * `host`: `http://acme.bamboohr.test/api/v1/…`; `gateway`: the legacy
   * `http://api.bamboohr.test/api/gateway.php/acme/v1/…` (reference §1.1). @default 'host'
   */
  urlForm?: 'host' | 'gateway';
}

export interface ConformanceSandbox {
  readonly sandbox: BambooHrSandbox;
  /** `path` is relative to the API root, version included: `/v1/employees/1`. */
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  /** An OAuth token of the admin carrying only these scopes. */
  tokenWith(scopes: readonly string[]): Auth;
  /** Another employee's API key. */
  keyOf(employeeId: number): Auth;
}

export const sandboxOrigin = 'http://acme.bamboohr.test';
export const gatewayOrigin = 'http://api.bamboohr.test';

export function createConformanceSandbox(
  options: ConformanceSandboxOptions = {},
): ConformanceSandbox {
  const { seed = 7, size = 50, customFieldCount = 20 } = options;
  // The lockout is off: the 401 tests send bad keys on purpose and must not lock later tests out.
  const sandbox = createBambooHrSandbox({
    companies: [{ seed, size, customFieldCount, domain: 'acme' }],
    lockout: false,
  });
  const keyHeader = sandbox.basicAuthFor();
  const tokenHeader = `Bearer ${sandbox.issueAccessToken().accessToken}`;

  function authorization(auth: Auth): string | undefined {
    if (auth === 'key') return keyHeader;
    if (auth === 'token') return tokenHeader;
    if (auth === 'none') return undefined;
    return auth.authorization;
  }

  async function call(
    method: string,
    path: string,
    callOptions: CallOptions = {},
  ): Promise<Response> {
    const {
      auth = 'key',
      accept = 'application/json',
      body,
      headers = {},
      urlForm = 'host',
    } = callOptions;
    const sent = new Headers(headers);
    const value = authorization(auth);
    if (value) sent.set('authorization', value);
    if (accept !== null) sent.set('accept', accept);
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      sent.set('content-type', callOptions.contentType ?? 'application/json');
    }
    const root =
      urlForm === 'host' ? `${sandboxOrigin}/api` : `${gatewayOrigin}/api/gateway.php/acme`;
    return sandbox.app.fetch(
      new Request(`${root}${path}`, { method, headers: sent, body: payload }),
    );
  }

  return {
    sandbox,
    call,
    tokenWith: (scopes) => ({
      authorization: `Bearer ${sandbox.issueAccessToken(undefined, { scopes }).accessToken}`,
    }),
    keyOf: (employeeId) => ({ authorization: sandbox.basicAuthFor(undefined, employeeId) }),
  };
}
