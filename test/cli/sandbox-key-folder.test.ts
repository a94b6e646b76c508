/**
 * Issue 12, item 6: `npm run sandbox -- --provider okta|google-workspace` left its key folder in
 * the temp directory after Ctrl+C. Each provider's sandbox is started as the user starts it (the
 * built CLI, a child process), stopped by a signal, and every key file it printed must be gone
 * with its folder.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { sandboxProviders } from '../../src/cli/commands/sandbox.js';
import { buildOnce, startCli } from './support/built-cli.js';

beforeAll(buildOnce);

/** Providers whose sandbox hands out a key file (a service app's or a service account's). */
const withKeyFiles = new Set(['okta', 'google-workspace', 'microsoft-entra-id']);
const runs = sandboxProviders.flatMap((provider) =>
  (['SIGINT', 'SIGTERM'] as const).map((signal) => ({ provider, signal })),
);

describe('hrgraph sandbox removes its key folder when stopped', () => {
  test.each(runs)('$provider, stopped by $signal', async ({ provider, signal }) => {
    const cli = startCli([
      'sandbox',
      '--provider',
      provider,
      '--port',
      '0',
      '--size',
      '10',
      '--custom-fields',
      '0',
    ]);
    await cli.waitFor(/Press Ctrl\+C to stop/);
    const keyFiles = cli.stdout().match(/\S*hrgraph-sandbox-[^/\s]+\/[^\s;)]+/g) ?? [];
    expect(keyFiles.length > 0).toBe(withKeyFiles.has(provider));
    for (const file of keyFiles) expect(existsSync(file)).toBe(true);

    cli.child.kill(signal);
    expect(await cli.exited()).toBe(0);
    expect(cli.stdout()).toContain('Stopping the sandbox');
    for (const file of keyFiles) expect(existsSync(dirname(file)), dirname(file)).toBe(false);
  });
});
