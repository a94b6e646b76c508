/**
 * How `hrgraph` fails (issue 12, items 2 and 6): a mistake the user can fix is one line that says
 * what to do; an internal error shows its stack; a port in use names the port and `--port`, and
 * the process still exits (the demo's sandboxes do not hold it open).
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportError } from '../../src/cli/commands/report-error.js';
import { listenError } from '../../src/cli/listen-error.js';
import { runSandbox } from '../../src/cli/sandbox/index.js';
import { buildOnce, startCli } from './support/built-cli.js';

let busy: Server;
let busyPort: number;

beforeAll(async () => {
  buildOnce();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

function reported(error: unknown, debug = false): string {
  let text = '';
  reportError(error, { debug, write: (chunk) => (text += chunk) });
  return text;
}

describe('errors the CLI reports', () => {
  test('a configuration mistake is one line, without a stack', () => {
    expect(reported(new Error('environment variable KEY is not set'))).toBe(
      'hrgraph: environment variable KEY is not set\n',
    );
  });

  test('--debug (or HRGRAPH_DEBUG=1) adds the stack to any error', () => {
    const text = reported(new Error('environment variable KEY is not set'), true);
    expect(text.split('\n')[0]).toBe('hrgraph: environment variable KEY is not set');
    expect(text).toMatch(/\n\s+at /);
  });

  test('an internal error (a bug) shows its stack at once and asks for a report', () => {
    let error: unknown;
    try {
      // The shape of issue 12's crash: a binding read before its declaration ran.
      new Function('entry.stored; let entry = {};')();
    } catch (thrown) {
      error = thrown;
    }
    const text = reported(error);
    expect(text).toMatch(/^hrgraph: internal error: Cannot access 'entry' before initialization\n/);
    expect(text).toContain('This is a bug in hrgraph');
    expect(text).toMatch(/ReferenceError[^\n]*\n\s+at /);
  });

  test('the built CLI: a missing config file is a one-line error and exit 1', async () => {
    const cli = startCli(['serve', '--config', '/nonexistent/accounts.yaml']);
    expect(await cli.exited()).toBe(1);
    expect(cli.stderr()).toMatch(/^hrgraph: \/nonexistent\/accounts\.yaml: .*\n {2}- cannot read/);
    expect(cli.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe('a port already in use', () => {
  test('serve --demo: one line naming the port and --port, and the process exits', async () => {
    const cli = startCli(['serve', '--demo', '--demo-size', '10', '--port', String(busyPort)]);
    expect(await cli.exited()).toBe(1);
    expect(cli.stderr()).toBe(
      `hrgraph: port ${busyPort} on 127.0.0.1 is already in use (another hrgraph?); choose another with --port: hrgraph serve --port ${busyPort + 1}\n`,
    );
  });

  test('under npm start the hint is written the way npm passes options on', () => {
    const error = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const serve = { port: 4000, host: '127.0.0.1', command: 'hrgraph serve', npmScript: 'start' };
    const sandbox = { ...serve, command: 'hrgraph sandbox', npmScript: 'sandbox' };
    const byNpm = (script: string) => ({ env: { npm_lifecycle_event: script } });
    expect(String(listenError(error, { ...serve, ...byNpm('start') }))).toMatch(
      /--port: npm start -- --port 4001$/,
    );
    expect(String(listenError(error, { ...sandbox, ...byNpm('sandbox') }))).toMatch(
      /--port: npm run sandbox -- --port 4001$/,
    );
    // Another script (npm test, npx) did not run hrgraph's: the plain command is the hint.
    expect(String(listenError(error, { ...serve, ...byNpm('test') }))).toMatch(
      /--port: hrgraph serve --port 4001$/,
    );
  });

  test('sandbox: the same one line, naming the sandbox command', async () => {
    await expect(
      runSandbox({
        port: busyPort,
        size: 10,
        customFields: 0,
        handleSignals: false,
        write: () => {},
      }),
    ).rejects.toThrow(
      `port ${busyPort} on 127.0.0.1 is already in use (another hrgraph?); choose another with --port: hrgraph sandbox --port ${busyPort + 1}`,
    );
  });
});
