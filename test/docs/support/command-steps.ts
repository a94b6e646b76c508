/**
 * The steps the runners (runners.ts) are made of: run a command to its end and check its exit
 * code and output, or start a server on the session's stand-in for its documented port and wait
 * until it says where it listens. Every process is checked for reaching beyond loopback.
 */
import { expect } from 'vitest';
import type { DocSession } from './doc-session.js';
import { spawnShell } from './processes.js';
import { ellipsisPattern, type ShellCommand } from './shell-commands.js';

/** Comments that say where a server listens (`# hrgraph on :4000`) must be right. */
export function expectClaimedPort(command: ShellCommand, shownUrl: string): void {
  for (const [, port] of command.comment.matchAll(/:(\d{4,5})\b/g)) {
    expect(shownUrl, `the comment "${command.comment}"`).toContain(`:${port}`);
  }
}

export function expectPrinted(command: ShellCommand, session: DocSession, stdout: string): void {
  if (!command.expect) return;
  const { pattern, whole } = command.expect;
  expect(session.asDocumented(stdout.trim())).toMatch(ellipsisPattern(pattern, whole));
}

/** Runs to its end: exit code 0, nothing reached beyond loopback; its stdout. */
export async function runToEnd(
  session: DocSession,
  text: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<string> {
  const run = spawnShell(text, { cwd: session.cwd, env: { ...session.env, ...env } });
  const timer = setTimeout(() => void run.stop(1000), timeoutMs);
  const code = await run.exited();
  clearTimeout(timer);
  expect(run.output(), 'beyond loopback').not.toContain('beyond loopback');
  if (code !== 0) throw new Error(`\`${text}\` exited ${code}:\n${run.output()}`);
  session.record(run.stdout());
  return run.stdout();
}

/** Starts a server: the port it listens on is the documented one's stand-in. */
export async function startServer(
  session: DocSession,
  command: ShellCommand,
  options: {
    label: string;
    defaultPort: number;
    /** Adds the port when the command names none. */
    movePort: (text: string, port: number) => { text: string; env?: Record<string, string> };
    ready: RegExp;
    env?: Record<string, string>;
    afterStop?: (stdout: string) => void;
  },
) {
  const named = /--port[= ](\d+)/.exec(command.text)?.[1];
  const documented = named ? Number(named) : options.defaultPort;
  const port = await session.portFor(documented);
  let text = await session.rewritePorts(session.fill(command.text));
  let env = options.env ?? {};
  if (!named) {
    const moved = options.movePort(text, port);
    text = moved.text;
    env = { ...env, ...moved.env };
  }
  await session.release(documented);
  const process = spawnShell(text, { cwd: session.cwd, env: { ...session.env, ...env } });
  session.hold(documented, {
    label: options.label,
    process,
    afterStop: () => {
      expect(process.output(), 'beyond loopback').not.toContain('beyond loopback');
      options.afterStop?.(process.stdout());
    },
  });
  const match = await process.waitFor(options.ready, 60_000);
  return { process, url: match[1] ?? '', stdout: process.stdout() };
}

/**
 * An example script's server: its port moved by its variable, hrgraph and the inventory found
 * where the session runs them (HRGRAPH_URL, INVENTORY_URL, as examples/common/endpoints.ts reads).
 */
export async function startExample(
  session: DocSession,
  command: ShellCommand,
  options: { label: string; defaultPort: number; portVariable: string; ready: RegExp },
): Promise<string> {
  const { url } = await startServer(session, command, {
    ...options,
    movePort: (text, port) => ({ text, env: { [options.portVariable]: String(port) } }),
    env: { HRGRAPH_URL: await hrgraphUrl(session), INVENTORY_URL: await inventoryUrl(session) },
  });
  expectClaimedPort(command, session.asDocumented(url));
  return url;
}

export const afterDoubleDash = (text: string, flag: string) =>
  text.includes(' -- ') ? `${text} ${flag}` : `${text} -- ${flag}`;

export const hrgraphUrl = async (session: DocSession) =>
  `http://127.0.0.1:${await session.portFor(4000)}/graphql`;
export const inventoryUrl = async (session: DocSession) =>
  `http://127.0.0.1:${await session.portFor(4001)}/graphql`;
