/**
 * Issue 13, item 2's safety net: "an unhandled rejection is a bug to log and count, never an
 * exit"; an uncaught exception stops the server cleanly and exits 1 (src/server/process-safety.ts
 * says why); nothing logged carries an error's message, which may hold personal data.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { badInput } from '../../src/core/errors.js';
import { describeFailure, installProcessSafety } from '../../src/server/process-safety.js';

const fixture = fileURLToPath(new URL('./fixtures/unhandled-rejection.ts', import.meta.url));

/** Runs the fixture in its own Node process: its exit code and what it printed. */
function runFixture(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function fakeProcess() {
  const target = new EventEmitter();
  const lines: string[] = [];
  const exits: number[] = [];
  return {
    target,
    lines,
    exits,
    logger: { error: (line: unknown) => lines.push(String(line)) },
    exit: (code: number) => exits.push(code),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Issue 13 item 2: no request can end the process', () => {
  test('a real Node process with process safety lives on through an unhandled rejection, and counts it', async () => {
    const { code, stdout } = await runFixture();
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { counts: unknown; logged: string[] };
    expect(report.counts).toEqual({ unhandledRejections: 1, uncaughtExceptions: 0 });
    expect(report.logged).toHaveLength(1);
    expect(report.logged[0]).toMatch(/unhandled promise rejection.*\n\s+at /);
    expect(report.logged.join('\n')).not.toContain('hunter2');
  });

  test('without it, Node ends the process on that rejection (what hrgraph serve did)', async () => {
    const { code, stdout } = await runFixture('unguarded');
    expect(code).toBe(1);
    expect(stdout).toBe('');
  });

  test('each unhandled rejection is counted and logged by kind and stack, never by message; no exit', () => {
    const p = fakeProcess();
    const safety = installProcessSafety({ target: p.target, logger: p.logger, exit: p.exit });
    p.target.emit('unhandledRejection', new TypeError('Cannot read hunter2@example.com'));
    p.target.emit('unhandledRejection', 'a string with a password');
    expect(safety.counts()).toEqual({ unhandledRejections: 2, uncaughtExceptions: 0 });
    expect(p.exits).toEqual([]);
    expect(p.lines[0]).toMatch(/^hrgraph: unhandled promise rejection .*TypeError\n\s+at /);
    expect(p.lines[1]).toMatch(/a thrown string$/);
    expect(p.lines.join('\n')).not.toMatch(/hunter2|password/);
  });

  test('our coded errors keep their message, written never to hold personal data', () => {
    const line = describeFailure(badInput('`first` takes 0 to 1000.'));
    expect(line).toContain('extensions.code BAD_USER_INPUT: `first` takes 0 to 1000.');
  });

  test('an uncaught exception is counted, the server stops, then the process exits 1', async () => {
    const p = fakeProcess();
    const stopped: string[] = [];
    const safety = installProcessSafety({
      target: p.target,
      logger: p.logger,
      exit: p.exit,
      onFatal: async () => {
        stopped.push('stopped');
      },
    });
    p.target.emit('uncaughtException', new RangeError('hunter2'));
    p.target.emit('uncaughtException', new RangeError('again'));
    await vi.waitFor(() => expect(p.exits).toEqual([1]));
    expect(stopped).toEqual(['stopped']);
    expect(safety.counts()).toEqual({ unhandledRejections: 0, uncaughtExceptions: 2 });
    expect(p.lines.join('\n')).not.toContain('hunter2');
  });

  test('a stop that hangs does not keep the process: it exits after fatalGraceMs', async () => {
    vi.useFakeTimers();
    const p = fakeProcess();
    installProcessSafety({
      target: p.target,
      logger: p.logger,
      exit: p.exit,
      fatalGraceMs: 1000,
      onFatal: () => new Promise(() => {}),
    });
    p.target.emit('uncaughtException', new Error('x'));
    await vi.advanceTimersByTimeAsync(999);
    expect(p.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.exits).toEqual([1]);
  });

  test('the listeners come off when the server closes', () => {
    const p = fakeProcess();
    const server = new EventEmitter();
    installProcessSafety({ target: p.target, logger: p.logger, exit: p.exit, server });
    expect(p.target.listenerCount('unhandledRejection')).toBe(1);
    expect(p.target.listenerCount('uncaughtException')).toBe(1);
    server.emit('close');
    expect(p.target.listenerCount('unhandledRejection')).toBe(0);
    expect(p.target.listenerCount('uncaughtException')).toBe(0);
  });
});
