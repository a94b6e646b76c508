/**
 * The built CLI run as a user runs it: `node bin/hrgraph.js …` as a child process from the
 * project's root, its output collected, with helpers to wait for a line and for its exit.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * What bin/hrgraph.js does for a stale dist/, done up front so no child has to (and none prints
 * the build notice). Builds write each file by rename, so test files may build at once.
 */
export function buildOnce(): void {
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: 'ignore' });
}

export interface CliChild {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** The exit code (null after a signal), once the process has exited. */
  exited(): Promise<number | null>;
}

export function startCli(
  args: readonly string[],
  /** `env` adds to the test's own environment; a variable set to undefined is left out. */
  options: { env?: Record<string, string | undefined>; nodeArgs?: readonly string[] } = {},
): CliChild {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/hrgraph.js', ...args], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  // 'close', not 'exit': the output is all read by then.
  const exit = once(child, 'close').then(([code]) => code as number | null);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const look = () => {
          const match = out.match(pattern);
          if (match) {
            child.stdout?.off('data', look);
            resolve(match);
          }
        };
        child.stdout?.on('data', look);
        look();
        void exit.then((code) =>
          reject(new Error(`exited (${code}) before printing ${pattern}: ${err}`)),
        );
      });
    },
    exited: () => exit,
  };
}
