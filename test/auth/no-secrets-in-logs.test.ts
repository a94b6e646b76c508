import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createConnectLinks } from '../../src/accounts/connect-links.js';
import { accountId } from '../../src/core/ids.js';
import { captureOutput } from '../support/captured-output.js';
import { type AuthFixture, app, startAuthFixture } from './support.js';

const badKey = 'badbadbadbadbadbadbadbadbadbadbadbadbad0';
let hr: AuthFixture;
let captured: string[];

/** The secret part of `hrX_<id>_<secret>`: base64url, so it may itself hold underscores. */
const secretPart = (text: string) => text.split('_').slice(2).join('_');

function capture(...parts: unknown[]) {
  captured.push(
    parts
      .map((p) =>
        p instanceof Error
          ? `${p.message} ${p.stack}`
          : typeof p === 'string'
            ? p
            : JSON.stringify(p),
      )
      .join(' '),
  );
}

beforeEach(async () => {
  captured = [];
  captureOutput(capture);
  hr = await startAuthFixture({
    log: { info: capture, warn: capture },
    logging: { debug: capture, info: capture, warn: capture, error: capture },
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await hr.close();
});

describe('nothing secret in logs (any level) or error messages', () => {
  test('while refused keys, refused refresh tokens and damaged credentials fail calls', async () => {
    const goodKey = hr.sandbox.apiKeyFor('acme');
    await hr.addApiKeyAccount('refused', badKey);
    await hr.addApiKeyAccount('good', goodKey);
    const issued = await hr.addOAuthAccount('revoked');
    const { refreshToken, accessToken } = issued;
    const revoked = (await hr.service.get(accountId('revoked')))!;
    await hr.service.saveTokens(
      accountId('revoked'),
      {
        accessToken: 'stale-access-token-0001',
        refreshToken: 'spent-refresh-token-0001',
        expiresAt: 0,
        scopes: [],
      },
      revoked.secretsVersion,
    );
    // Damaged credentials: another account's sealed value.
    await hr.addApiKeyAccount('damaged', 'damageddamageddamageddamageddamaged00000');
    const good = (await hr.service.get(accountId('good')))!;
    await hr.service.store.update(accountId('damaged'), { sealedSecrets: good.sealedSecrets });
    await hr.runtime.reload();

    const responses: unknown[] = [];
    for (let round = 0; round < 2; round++) {
      responses.push(
        await hr.query(/* GraphQL */ `{
          refused: employees(account: "refused", first: 2) { nodes { displayName } }
          good: employees(account: "good", first: 2) { nodes { displayName } }
          revoked: employees(account: "revoked", first: 2) { nodes { displayName } }
          damaged: employees(account: "damaged", first: 2) { nodes { displayName } }
        }`),
      );
    }
    const first = responses[0] as { errors: { path: string[]; extensions: { code: string } }[] };
    expect(first.errors.map((e) => [e.path[0], e.extensions.code]).sort()).toEqual([
      ['damaged', 'UPSTREAM_AUTH_FAILED'],
      ['refused', 'UPSTREAM_AUTH_FAILED'],
      ['revoked', 'UPSTREAM_AUTH_FAILED'],
    ]);
    // A code exchange that fails, through the callback page.
    const page = await hr.yoga.fetch(
      'http://hrgraph.test/oauth/callback?code=stolen-code-0001&state=x.y',
    );
    responses.push(await page.text());
    // Connect links and admin tokens are secrets too: used, refused and replayed.
    const oauthAccount = (await hr.service.get(accountId('revoked')))!;
    const links = createConnectLinks(hr.service.store, { now: hr.clock.now });
    const { link } = await links.create(oauthAccount);
    const forgedLink = `${link.slice(0, -6)}AAAAAA`;
    const admin = (await hr.tokens.create('ops', [], { admin: true })).secret;
    const connect = (query: string, headers: Record<string, string> = {}) =>
      hr.yoga.fetch(`http://hrgraph.test/connect/bamboohr?${query}`, {
        redirect: 'manual',
        headers,
      });
    for (const response of [
      await connect(`account=revoked&link=${link}`),
      await connect(`account=revoked&link=${link}`),
      await connect(`account=revoked&link=${forgedLink}`),
      await connect('account=revoked', { authorization: `Bearer ${admin}` }),
      await hr.yoga.fetch('http://hrgraph.test/connect/bamboohr?account=revoked', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      }),
    ]) {
      responses.push(response.status, response.headers.get('location'), await response.text());
    }
    const minted = JSON.parse(String(responses.at(-1))) as { url: string };
    const mintedLink = new URL(minted.url).searchParams.get('link')!;
    responses.pop(); // the answer that hands a link to an admin holds it by design

    // The logs did record what happened, by account.
    const logs = captured.join('\n');
    expect(logs).toMatch(/account refused is LOCKED_OUT/);
    expect(logs).toMatch(/account revoked is NEEDS_REAUTH/);

    const secrets = [
      badKey,
      goodKey,
      'damageddamageddamaged',
      accessToken,
      refreshToken!,
      'stale-access-token-0001',
      'spent-refresh-token-0001',
      'stolen-code-0001',
      secretPart(link),
      secretPart(forgedLink),
      secretPart(mintedLink),
      secretPart(admin),
      app.clientSecret,
      Buffer.from(`${badKey}:x`).toString('base64'),
      Buffer.from(`${goodKey}:x`).toString('base64'),
    ];
    const everything = `${logs}\n${JSON.stringify(responses)}`;
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/v1\.[\w-]{8}\.[\w-]{16}\.[\w-]{20,}/);
  });
});
