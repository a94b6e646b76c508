/**
 * Issue 21 (logs): structured JSON lines, one per request and one per provider call at debug, and
 * redaction by construction: known secrets and the sandbox company's names and emails are fed
 * through every path a request can take, and the captured log is searched for each.
 */
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { METRICS_TOKEN, type Served, startServed } from './served.js';

const clientSecret = 'client-secret-value-do-not-log-0001';
const oauthCode = 'oauth-code-do-not-log-0001';
const urlPassword = 'hunter2-url-password-0001';
const strangerBearer = 'hr1_stranger_bearer-token-do-not-log-0001';
const cursorSecret = 'tampered-cursor-with-password-0001';

let served: Served;
beforeAll(async () => {
  served = await startServed({
    env: {
      HRGRAPH_BAMBOOHR_CLIENT_ID: 'client-id-0001',
      HRGRAPH_BAMBOOHR_CLIENT_SECRET: clientSecret,
    },
  });
});
afterAll(async () => {
  await served.close();
});

const staff = /* GraphQL */ `
  query Staff($first: Int!, $after: String) {
    employees(account: "acme", first: $first, after: $after) {
      nodes {
        displayName
        firstName
        lastName
        workEmail
      }
    }
  }
`;

describe('Issue 21: logs', () => {
  test('no secret and no personal data reaches the log at debug, on any path: success, provider error, auth failure, invalid cursor, bad input, malformed request, OAuth callback', async () => {
    const people = served.bamboo.company.data.people.slice(0, 4);
    // Success: names and emails come back to the client, never to the log.
    const ok = await served.query(staff, { first: 4 });
    expect(JSON.stringify(ok.body)).toContain(people[0]!.workEmail);
    // A provider error: a reply cut mid-document.
    served.bamboo.faults.enqueue({ kind: 'malformed' });
    const broken = await served.query(staff, { first: 3 }, { 'x-nocache': '1' });
    expect(JSON.stringify(broken.body.errors)).toContain('UPSTREAM_BAD_RESPONSE');
    // Auth failure: a token hrgraph never issued.
    const stranger = await served.query(
      staff,
      { first: 1 },
      { authorization: `Bearer ${strangerBearer}` },
    );
    expect(stranger.status).toBe(401);
    // An invalid cursor.
    const cursor = await served.query(staff, { first: 1, after: cursorSecret });
    expect(JSON.stringify(cursor.body.errors)).toContain('BAD_USER_INPUT');
    // Bad input: a person's name and email where a number belongs.
    const name = `${people[1]!.firstName} ${people[1]!.lastName}`;
    const bad = await served.query(staff, { first: name, after: people[2]!.workEmail });
    expect(JSON.stringify(bad.body.errors)).toContain('BAD_USER_INPUT');
    // A malformed body holding a secret, and a password in the request's URL.
    const malformed = await fetch(
      `${served.origin}/graphql?u=https://admin:${urlPassword}@x.test`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
        body: `{"query": "{ __typename }", "variables": {"secret": "${clientSecret}"`,
      },
    );
    expect(malformed.status).toBe(400);
    // The OAuth callback with a code and a state it did not sign.
    const callback = await fetch(`${served.origin}/oauth/callback?code=${oauthCode}&state=forged`);
    expect(callback.status).toBeGreaterThanOrEqual(400);
    await served.handle.stop();
    if (process.env.HRGRAPH_SHOW_LOG) process.stdout.write(served.raw.join(''));

    const log = served.raw.join('');
    const requests = served.lines.filter((line) => line.event === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests[0]).toMatchObject({
      operation: 'Staff',
      operationType: 'query',
      outcome: 'success',
      httpStatus: 200,
    });
    expect(requests.flatMap((line) => line.errorCodes)).toEqual(
      expect.arrayContaining(['UPSTREAM_BAD_RESPONSE', 'BAD_USER_INPUT']),
    );
    const calls = served.lines.filter((line) => line.event === 'provider_call');
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]).toMatchObject({
      account: 'acme',
      operation: expect.stringMatching(/^bamboohr\./),
    });
    for (const secret of [
      served.apiKey,
      served.token,
      strangerBearer,
      clientSecret,
      oauthCode,
      urlPassword,
      cursorSecret,
      METRICS_TOKEN,
      ...people.flatMap((p) => [p.workEmail, `${p.firstName} ${p.lastName}`]),
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    expect(log).not.toContain('acme.localhost');
  });

  test('a line per request at info: operation, duration, provider calls, status and outcome; provider calls only at debug', async () => {
    const quiet = await startServed({ serve: { logLevel: 'info' } });
    try {
      await quiet.query(staff, { first: 2 });
      await quiet.handle.stop();
      const request = quiet.lines.find((line) => line.event === 'request');
      expect(request).toMatchObject({
        level: 30,
        operation: 'Staff',
        httpStatus: 200,
        outcome: 'success',
        errorCodes: [],
        upstreamRetries: 0,
      });
      expect(request?.upstreamCalls).toBeGreaterThan(0);
      expect(typeof request?.durationMs).toBe('number');
      expect(quiet.lines.filter((line) => line.event === 'provider_call')).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
