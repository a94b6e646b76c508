/** A small Okta sandbox and a GET helper for the behaviour tests. */
import { createOktaSandbox, type OktaSandboxOptions } from '../../../../src/sandbox/okta/index.js';

export const origin = 'http://acme.okta.test';

export function oktaFixture(options: OktaSandboxOptions = {}) {
  const sandbox = createOktaSandbox({
    company: { seed: 11, size: 200, customFieldCount: 40 },
    ...options,
  });
  const ssws = `SSWS ${sandbox.apiToken()}`;
  async function get(path: string, authorization: string | null = ssws): Promise<Response> {
    const headers = new Headers();
    if (authorization) headers.set('authorization', authorization);
    return sandbox.app.fetch(new Request(`${origin}${path}`, { headers }));
  }
  async function getJson<T = Array<Record<string, unknown>>>(path: string): Promise<T> {
    const response = await get(path);
    if (response.status !== 200)
      throw new Error(`${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return { sandbox, ssws, get, getJson };
}

export type User = {
  id: string;
  status: string;
  lastUpdated: string;
  profile: Record<string, unknown>;
} & Record<string, unknown>;

export const q = encodeURIComponent;
