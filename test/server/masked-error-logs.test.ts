/**
 * Issue 12 follow-up: no personal data or secret in the logs from masked errors. yoga logs the
 * original of every error it masks, and the route table logs what a route threw; an unexpected
 * error's message may quote a credential or a person. Each is logged as its kind, codes, path and
 * stack frames (src/server/mask-errors.ts), never its message, whichever logger serves: yoga's
 * default (console) or one given as `logging`.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { HrGraphServerOptions } from '../../src/server/create-server.js';
import type { Route } from '../../src/server/routes/route.js';
import { captureOutput } from '../support/captured-output.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const secret = 'sk_live_9f8e7d6c5b4a39281706';
const person = 'Henrietta Q. Lacksworth';
const accounts = [{ id: 'acme', people: people(2) }];
let lines: string[];

function capture(...parts: unknown[]) {
  lines.push(
    parts.map((p) => (p instanceof Error ? `${p.message} ${p.stack}` : String(p))).join(' '),
  );
}

beforeEach(() => {
  lines = [];
  captureOutput(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A server whose company loader fails the way a bug would: a plain Error quoting what it saw. */
function failingServer(logging: HrGraphServerOptions['logging']) {
  const { fake } = testServer(accounts);
  const leaky = Object.assign(new TypeError(`cannot read ${person}'s record with key ${secret}`), {
    code: 'ERR_LEAKY',
  });
  const throwingRoute: Route = () => {
    throw new Error(`route failed for ${person} (${secret})`);
  };
  return testServer(accounts, {
    logging,
    routes: [throwingRoute],
    createLoaders: (init) => ({
      ...fake.create(init),
      company: async () => {
        throw leaky;
      },
    }),
  });
}

function expectNothingLeaked() {
  const log = lines.join('\n');
  expect(log).not.toContain(secret);
  expect(log).not.toContain(person);
  expect(log).not.toContain('Lacksworth');
}

describe('masked errors reach the logs by kind, code, path and stack, never by message', () => {
  test.each([
    ["yoga's default logger (console)", true],
    [
      'a logger given as `logging`',
      { debug: capture, info: capture, warn: capture, error: capture },
    ],
  ] as const)('an unexpected error in a resolver, with %s', async (_, logging) => {
    const { query } = failingServer(logging);
    const response = await query('{ accounts { id company { displayName } } }');
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(response.body)).not.toContain(secret);
    expectNothingLeaked();
    // What a reader needs to find the bug is there.
    const log = lines.join('\n');
    expect(log).toContain('masked error at accounts.0.company');
    expect(log).toContain('TypeError, code ERR_LEAKY');
    expect(log).toMatch(/at .*masked-error-logs\.test\.ts/);
  });

  test('an error a route throws is a bare 500, logged the same way', async () => {
    const { yoga } = failingServer(true);
    const response = await yoga.fetch('http://hrgraph.test/elsewhere');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain(secret);
    expectNothingLeaked();
    expect(lines.join('\n')).toMatch(/masked error: Error\n\s+at /);
  });
});
