/**
 * What the doc test asks of what a command started, to call it working: a GraphQL answer with
 * data, the demo's GraphiQL page and starter tabs, each sandbox answering with the credentials
 * its banner printed, and its key files private and gone once it stops.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { Agent, fetch } from 'undici';
import { expect } from 'vitest';
import { localhostAwareLookup } from '../../../src/http/localhost-lookup.js';
import { graphiqlOptions } from '../../../src/server/graphiql.js';

/** Resolves `acme.localhost` to loopback as browsers do (and hrgraph's own client). */
const localhostAgent = new Agent({ connect: { lookup: localhostAwareLookup } });

export interface GraphQLAnswer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: unknown }[] };
}

export async function askGraphQL(
  url: string,
  query: string,
  options: { variables?: unknown; headers?: Record<string, string> } = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`${url} answered ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
}

/** Anything but null and empty lists, somewhere below the root. */
function hasSubstance(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.values(value).some(hasSubstance);
  return value !== null && value !== undefined;
}

/** An answer with data that holds something, and no error. */
export function expectData(answer: GraphQLAnswer, what: string): void {
  expect(answer.body.errors, `${what}: errors`).toBeUndefined();
  expect(answer.status, what).toBe(200);
  expect(hasSubstance(answer.body.data), `${what}: data ${JSON.stringify(answer.body.data)}`).toBe(
    true,
  );
}

/** `hrgraph serve --demo` at `url`: its page, and every GraphiQL starter tab with its variables. */
export async function probeDemo(url: string): Promise<void> {
  const health = await fetch(url.replace(/\/graphql$/, '/healthz'));
  expect(health.status).toBe(200);
  const page = await fetch(url, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<html');
  // Demo mode fills each tab's $account with its first account, `acme`.
  for (const tab of graphiqlOptions('acme').defaultTabs ?? []) {
    const answer = await askGraphQL(url, tab.query ?? '', {
      variables: tab.variables ? JSON.parse(tab.variables) : {},
      headers: tab.headers ? JSON.parse(tab.headers) : {},
    });
    expectData(answer, `GraphiQL tab ${JSON.stringify(tab.query?.split('\n')[0])}`);
  }
}

async function expectOk(url: string, headers: Record<string, string>, what: string) {
  const response = await fetch(url, { headers, dispatcher: localhostAgent });
  expect(response.status, `${what}: GET ${url}`).toBe(200);
}

const line = (banner: string, pattern: RegExp, what: string): string => {
  const found = pattern.exec(banner)?.[1];
  if (!found) throw new Error(`the banner has no ${what} (${pattern}):\n${banner}`);
  return found;
};

/** Key files a banner names: owner-only while it runs. */
export function keyFilesOf(banner: string): string[] {
  return [...banner.matchAll(/(\/\S*hrgraph-sandbox-[^/\s]+\/[^\s;)]+)/g)].map((m) => m[1]!);
}

/** The sandbox answers with the credentials its banner printed, and its key files are private. */
export async function probeSandbox(label: string, banner: string): Promise<void> {
  for (const file of keyFilesOf(banner)) {
    expect(statSync(file).mode & 0o777, file).toBe(0o600);
  }
  switch (label) {
    case 'BambooHR': {
      const key = line(banner, /API key \(emp 1\)\s+(\S+)/, 'API key');
      const basic = { authorization: `Basic ${Buffer.from(`${key}:x`).toString('base64')}` };
      const json = { ...basic, accept: 'application/json' };
      const gateway = line(banner, /gateway form\s+(\S+)\/v1\/\.\.\./, 'gateway form');
      const host = line(banner, /host form\s+(\S+)\/v1\/\.\.\./, 'host form');
      await expectOk(`${gateway}/v1/meta/fields`, json, 'the API key, gateway form');
      await expectOk(`${host}/v1/meta/fields`, json, 'the API key, host form');
      const token = line(banner, /OAuth token\s+(\S+)/, 'OAuth token');
      await expectOk(
        `${host}/v1/employees`,
        { authorization: `Bearer ${token}`, accept: 'application/json' },
        'the OAuth token',
      );
      return;
    }
    case 'Okta': {
      const org = line(banner, /org URL\s+(\S+)/, 'org URL');
      const token = line(banner, /SSWS (\S+)/, 'API token');
      await expectOk(`${org}/api/v1/users?limit=1`, { authorization: `SSWS ${token}` }, 'SSWS');
      return;
    }
    case 'Google Workspace': {
      const file = line(banner, /service account\s+(\S+)/, 'service account');
      const tokenUri = line(banner, /token_uri (\S+)\)/, 'token_uri');
      expect(JSON.parse(readFileSync(file, 'utf8')).token_uri).toBe(tokenUri);
      return;
    }
    case 'Gusto': {
      const base = line(banner, /API base\s+(\S+)/, 'API base');
      const token = line(banner, /access token\s+(\S+)/, 'access token');
      await expectOk(base, { authorization: `Bearer ${token}` }, 'the access token');
      return;
    }
    default:
      throw new Error(`no probe for the ${label} sandbox: add one to test/docs/support/probes.ts`);
  }
}

/** What stopping a sandbox (Ctrl+C, SIGTERM) must leave: none of its key files. */
export function expectKeyFilesGone(banner: string): void {
  for (const file of keyFilesOf(banner)) expect(existsSync(file), file).toBe(false);
}
