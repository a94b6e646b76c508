/**
 * A service-account key the provider refuses (Google: an unknown subject is `invalid_grant`)
 * locks the account out after exactly one token request, like a refused API key, instead of
 * asking again on every GraphQL request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type AccountRuntime, createAccountRuntime } from '../../src/accounts/account-runtime.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { type GoogleFixture, startGoogleWorkspace } from '../support/google-workspace.js';
import { graphqlOver } from '../support/hrgraph.js';

let google: GoogleFixture | undefined;
let runtime: AccountRuntime | undefined;
afterEach(async () => {
  await google?.close();
  google = undefined;
  runtime = undefined;
});

describe('a refused service-account key', () => {
  it('costs one token request, then the account is LOCKED_OUT and nothing more is sent', async () => {
    google = await startGoogleWorkspace({ company: { size: 20, customFieldCount: 0 } });
    runtime = createAccountRuntime({
      http: google.http,
      configAccounts: [
        {
          id: accountId('acme-google'),
          provider: providerName('google-workspace'),
          company: 'my_customer',
          baseUrl: google.url,
          credentials: {
            kind: 'serviceAccount',
            key: { ...google.key, subject: 'nobody@acme.example' },
          },
        },
      ],
    });
    await runtime.reload();
    const query = graphqlOver(runtime.adapters());
    const page = '{ employees(account: "acme-google", first: 2) { nodes { workEmail } } }';

    const first = await query(page);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_AUTH_FAILED' });
    expect(runtime.health(accountId('acme-google'))?.state()).toMatchObject({
      status: 'LOCKED_OUT',
      reason: 'the provider refused the service-account key (invalid_grant)',
    });

    for (let i = 0; i < 3; i++) {
      const again = await query(page);
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        accountStatus: 'LOCKED_OUT',
      });
    }
    expect(google.sandbox.log.count({ path: '/token' })).toBe(1);
    expect(google.sandbox.log.count({ path: /^\/admin\// })).toBe(0);
  });

  it('a good key is proven by its first call and stays ACTIVE', async () => {
    google = await startGoogleWorkspace({ company: { size: 20, customFieldCount: 0 } });
    // The runtime's adapters sign with the real clock; the sandbox must agree on the time.
    google.clock.set(Date.now());
    runtime = createAccountRuntime({
      http: google.http,
      configAccounts: [
        {
          id: accountId('acme-google'),
          provider: providerName('google-workspace'),
          company: 'my_customer',
          baseUrl: google.url,
          credentials: { kind: 'serviceAccount', key: google.key },
        },
      ],
    });
    await runtime.reload();
    const result = await graphqlOver(runtime.adapters())(
      '{ employees(account: "acme-google", first: 2) { nodes { workEmail } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(runtime.health(accountId('acme-google'))?.state().status).toBe('ACTIVE');
  });
});
