/**
 * A documented command run the way a reader runs it: by bash, in a working directory, as its own
 * process group (so `npm start`'s node child stops with npm, as on Ctrl+C), its output collected.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export interface ShellProcess {
  readonly child: ChildProcess;
  /** stdout so far. */
  stdout(): string;
  /** stdout and stderr so far, interleaved as they came. */
  output(): string;
  /** Set once it has exited. */
  exitCode(): number | null | undefined;
  /** Resolves with the first match in stdout; rejects if the process ends or `ms` pass first. */
  waitFor(pattern: RegExp, ms: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null after a signal). */
  exited(): Promise<number | null>;
  /** SIGTERM to the whole group, as Ctrl+C would; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnShell(
  command: string,
  options: { cwd: string; env: Readonly<Record<string, string>> },
): ShellProcess {
  const child = spawn('bash', ['-c', command], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let all = '';
  let code: number | null | undefined;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    all += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    all += chunk;
  });
  // 'close', not 'exit': the output is all read by then.
  const exit = once(child, 'close').then(([status]) => {
    code = status as number | null;
    return code;
  });
  function signalGroup(signal: NodeJS.Signals): void {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  }
  return {
    child,
    stdout: () => out,
    output: () => all,
    exitCode: () => code,
    waitFor(pattern, ms) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.stdout?.off('data', look);
          reject(new Error(`no ${pattern} within ${ms / 1000} s; it printed:\n${all}`));
        }, ms);
        function look(): void {
          const match = out.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          child.stdout?.off('data', look);
          resolve(match);
        }
        child.stdout?.on('data', look);
        look();
        void exit.then((status) => {
          clearTimeout(timer);
          reject(new Error(`exited (${status}) before printing ${pattern}:\n${all}`));
        });
      });
    },
    exited: () => exit,
    async stop(graceMs = 10_000) {
      if (code !== undefined) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** A loopback port nothing listens on at the moment it is returned. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
