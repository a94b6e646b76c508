/**
 * Issue 13, item 8: a token names account records, not reusable ids. An account removed and
 * added again under the same id (for another company) is another record, which a token made for
 * the first one cannot read: it answers exactly as another tenant's account does.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UnknownAccountsError } from '../../src/accounts/api-tokens.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { type AuthFixture, startAuthFixture, twoCompanies } from './support.js';

let hr: AuthFixture;
beforeEach(async () => {
  hr = await startAuthFixture({
    apiTokens: true,
    sandbox: twoCompanies(),
  });
});
afterEach(() => hr.close());

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const read = (account: string) => /* GraphQL */ `{
  accounts { id }
  account(id: "${account}") { id company { displayName } }
  employees(account: "${account}", first: 2) { nodes { id } }
}`;

describe('a token reads account records, not whatever later takes their ids', () => {
  test('accounts remove X then accounts add X for another company: the old token reads nothing of it', async () => {
    await hr.addApiKeyAccount('x', hr.sandbox.apiKeyFor('acme'), 'acme');
    await hr.addApiKeyAccount('other', hr.sandbox.apiKeyFor('acme'), 'acme');
    const old = (await hr.tokens.create('x app', [accountId('x')])).secret;
    const before = await hr.query(read('x'), bearer(old));
    expect(before.errors).toBeUndefined();
    expect(before.data?.accounts).toEqual([{ id: 'x' }]);

    await hr.service.remove(accountId('x'));
    await hr.addApiKeyAccount('x', hr.sandbox.apiKeyFor('globex'), 'globex');
    const calls = hr.apiCalls();
    const after = await hr.query(read('x'), bearer(old));
    // Exactly what the token gets for an account that never existed (as for another tenant's).
    const never = await hr.query(read('nobody'), bearer(old));
    expect(after.data?.accounts).toEqual([]);
    expect(JSON.stringify(after)).toBe(JSON.stringify(never).replaceAll('nobody', 'x'));
    expect(JSON.stringify(after)).not.toContain('globex');
    // Nothing of the new company was fetched for the old token.
    expect(hr.apiCalls()).toBe(calls);

    // A token made now names the new record, and reads it.
    const fresh = (await hr.tokens.create('x app again', [accountId('x')])).secret;
    const now = await hr.query(read('x'), bearer(fresh));
    expect(now.errors).toBeUndefined();
    expect(now.data?.account).toMatchObject({ id: 'x' });
  });

  test('a token cannot be made for an account the store does not have', async () => {
    await hr.addApiKeyAccount('x', hr.sandbox.apiKeyFor('acme'), 'acme');
    await expect(
      hr.tokens.create('typo', [accountId('x'), accountId('nobody'), accountId('ghost')]),
    ).rejects.toThrow(UnknownAccountsError);
    await expect(hr.tokens.create('typo', [accountId('nobody')])).rejects.toThrow(
      /not in the store: nobody/,
    );
    expect(await hr.tokens.list()).toEqual([]);
  });

  test('accounts of the config file are named as such: a store account under that id is not theirs', async () => {
    const fixture = await startAuthFixture({
      apiTokens: true,
      configAccounts: (baseUrl, sandbox) => [
        {
          id: accountId('filed'),
          provider: providerName('bamboohr'),
          company: 'acme',
          baseUrl,
          credentials: { kind: 'apiKey', apiKey: sandbox.apiKeyFor('acme') },
        },
      ],
    });
    try {
      const token = (
        await fixture.tokens.create('file app', [], { configAccounts: [accountId('filed')] })
      ).secret;
      const ok = await fixture.query(read('filed'), bearer(token));
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.accounts).toEqual([{ id: 'filed' }]);
      // A store token never reads a config-file account that shares its id.
      await fixture.addApiKeyAccount('filed', fixture.sandbox.apiKeyFor('acme'), 'acme');
      const stored = (await fixture.tokens.create('store app', [accountId('filed')])).secret;
      expect((await fixture.query(read('filed'), bearer(stored))).data?.accounts).toEqual([]);
    } finally {
      await fixture.close();
    }
  });
});
