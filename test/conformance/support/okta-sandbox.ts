/**
 * The Okta sandbox as the conformance tests drive it: in-process through `app.fetch` on a fake
 * org origin, one small deterministic company, its SSWS token and OAuth access tokens.
 */
import { assert } from 'vitest';
import { createOktaSandbox, type OktaSandbox } from '../../../src/sandbox/okta/index.js';
import type {
  ConformanceOptions,
  ConformantResponse,
  ExpectConformant,
} from './expect-conformant.js';
import type { OpenApiSpec } from './openapi.js';

export const oktaOrigin = 'http://acme.okta.test';

/** `ssws`: the org's API token; `token`: an access token with every read scope. */
export type OktaAuth = 'ssws' | 'token' | 'none' | { authorization: string };

export interface OktaConformanceSandbox {
  readonly sandbox: OktaSandbox;
  call(method: string, path: string, auth?: OktaAuth): Promise<Response>;
  tokenWith(scopes: readonly string[]): OktaAuth;
}

export function createOktaConformanceSandbox(size = 60): OktaConformanceSandbox {
  const sandbox = createOktaSandbox({
    company: { seed: 7, size, customFieldCount: 30 },
    customAttributeCount: 12,
  });
  const ssws = `SSWS ${sandbox.apiToken()}`;
  const bearer = `Bearer ${sandbox.issueAccessToken().accessToken}`;
  function header(auth: OktaAuth): string | undefined {
    if (auth === 'ssws') return ssws;
    if (auth === 'token') return bearer;
    if (auth === 'none') return undefined;
    return auth.authorization;
  }
  return {
    sandbox,
    async call(method, path, auth = 'ssws') {
      const headers = new Headers({ accept: 'application/json' });
      const value = header(auth);
      if (value) headers.set('authorization', value);
      return sandbox.app.fetch(new Request(`${oktaOrigin}${path}`, { method, headers }));
    },
    tokenWith: (scopes) => ({
      authorization: `Bearer ${sandbox.issueAccessToken(scopes).accessToken}`,
    }),
  };
}

/**
 * An Okta error answer: conformant where the operation declares the status, and otherwise
 * (the spec declares no 400/401/503 for these reads) still an `Error` body with the code.
 */
export async function expectOktaError(
  expectConformant: ExpectConformant,
  spec: OpenApiSpec,
  response: Response,
  operation: Pick<ConformanceOptions, 'method' | 'pathTemplate'>,
  expected: { status: number; errorCode: string; undocumented?: string },
): Promise<ConformantResponse> {
  const checked = await expectConformant(response, {
    ...operation,
    ...(expected.undocumented ? { undocumented: { reason: expected.undocumented } } : {}),
  });
  assert.equal(checked.status, expected.status, checked.text);
  const validate = spec.validatorAt('/components/schemas/Error');
  if (!validate(checked.body)) assert.fail(`not an Okta Error body: ${checked.text}`);
  const body = checked.body as { errorCode: string; errorLink: string; errorId: string };
  assert.equal(body.errorCode, expected.errorCode);
  assert.equal(body.errorLink, expected.errorCode);
  assert.match(body.errorId, /^oae[\w-]{22}$/);
  return checked;
}
