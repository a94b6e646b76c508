/**
 * `hrgraph sandbox --provider …`: each provider's emulator alone, on a free port, with a banner
 * whose credentials work against it (checked by calling it the way the banner says).
 */
import { readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runSandbox, type SandboxHandle } from '../../src/cli/sandbox/index.js';

let handle: SandboxHandle | undefined;
afterEach(async () => {
  await handle?.stop();
  handle = undefined;
});

async function start(provider: 'bamboohr' | 'okta' | 'google-workspace' | 'gusto') {
  let banner = '';
  handle = await runSandbox({
    provider,
    port: 0,
    size: 10,
    customFields: 0,
    handleSignals: false,
    write: (text) => {
      banner += text;
    },
  });
  return banner;
}

/** The value after a label in the banner: `label   value`. */
function field(banner: string, label: string, pattern = /(\S+)/): string {
  const line = banner.split('\n').find((l) => l.trimStart().startsWith(label)) ?? '';
  const match = pattern.exec(line.trimStart().slice(label.length));
  if (!match?.[1]) throw new Error(`no ${label} in the banner`);
  return match[1];
}

describe('hrgraph sandbox --provider', () => {
  it('bamboohr: the host-form URL and the API key answer', async () => {
    const banner = await start('bamboohr');
    const url = field(banner, 'gateway form').replace('/v1/...', '/v1/employees/directory');
    const key = field(banner, 'API key (emp 1)');
    const response = await fetch(url, {
      headers: { authorization: `Basic ${btoa(`${key}:x`)}`, accept: 'application/json' },
    });
    expect(response.status).toBe(200);
  });

  it('okta: the SSWS token lists users; the private key file is owner-only', async () => {
    const banner = await start('okta');
    const org = field(banner, 'org URL');
    const token = field(banner, 'API token', /SSWS (\S+)/);
    const response = await fetch(`${org}/api/v1/users?limit=2`, {
      headers: { authorization: `SSWS ${token}`, accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
    const keyFile = /private key (\S+);/.exec(banner)?.[1] ?? '';
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(keyFile, 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('google-workspace: a key file whose token_uri is the sandbox', async () => {
    const banner = await start('google-workspace');
    const keyFile = field(banner, 'service account');
    const key = JSON.parse(await readFile(keyFile, 'utf8')) as { token_uri: string };
    expect(key.token_uri).toBe(`${field(banner, 'API root').split('/admin/')[0]}/token`);
    expect(field(banner, 'impersonate')).toMatch(/@/);
  });

  it('gusto: the printed access token reads the employees', async () => {
    const banner = await start('gusto');
    const response = await fetch(field(banner, 'API base'), {
      headers: {
        authorization: `Bearer ${field(banner, 'access token')}`,
        'x-gusto-api-version': '2025-06-15',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(10);
  });
});
