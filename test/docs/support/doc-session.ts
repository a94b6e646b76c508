/**
 * One reader working through one markdown file, in order: a scratch working directory (the
 * repository's entries linked into it, so files the commands write stay there), the servers they
 * left running, what the commands printed, and the credentials the sandboxes gave.
 *
 * Three things are done for the reader, transparently, and nothing else:
 * - ports: every port the file names (`--port 4010`, `127.0.0.1:4000`, `acme.localhost:4010`) is
 *   replaced by a free one, consistently across commands and files, and mapped back in what they
 *   print, so the file runs beside other tests and whatever the machine already serves on 4000;
 * - placeholders: `<API key>` and the like become what the running sandbox printed
 *   (placeholders.ts), `hrg_…` the last such value a command printed;
 * - every process starts with the loopback guard preloaded (bench/loopback-only.ts) and fails,
 *   naming the attempt, if it reaches beyond this machine; npm is kept offline and quiet.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { fillPlaceholders, type SandboxBanner } from './placeholders.js';
import { freePort, type ShellProcess } from './processes.js';

/** A long-running command of the file, while it runs. */
export interface RunningCommand {
  readonly label: string;
  readonly process: ShellProcess;
  /** Checks run as it stops (a sandbox's key files are gone). */
  readonly afterStop?: () => void;
}

export interface DocSession {
  readonly root: string;
  /** The scratch directory commands run in. */
  readonly cwd: string;
  /** The environment every command starts with. */
  readonly env: Readonly<Record<string, string>>;
  /** Private files of the test (the guard, bench results). */
  readonly internal: string;
  /** `text` with each port the file names replaced by its free stand-in. */
  rewritePorts(text: string): Promise<string>;
  /** The free stand-in of a port the file names (allocated on first use). */
  portFor(documented: number): Promise<number>;
  /** What a command printed, with stand-in ports shown as the file's. */
  asDocumented(text: string): string;
  /** The command with its placeholders filled; throws naming one it cannot fill. */
  fill(text: string): string;
  /** Output to find `hrg_…`-style values in later. */
  record(output: string): void;
  readonly sandboxes: Map<string, SandboxBanner>;
  /** Where the file's GraphQL examples are sent: the GraphQL server started last. */
  graphql: { readonly url: string; readonly kind: 'hrgraph' | 'gateway' } | undefined;
  /** Stops whatever the file started on `port`, so another command can listen there. */
  release(port: number): Promise<void>;
  /** Keeps `command` as the one serving `port` until it is released or the session closes. */
  hold(port: number, command: RunningCommand): void;
  /** Stops everything still running. */
  close(): Promise<void>;
}

const keptEnv = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'SHELL'];
const hostPort = /\b(127\.0\.0\.1|localhost|\[::1\]|[a-z0-9-]+\.localhost):(\d{2,5})\b/g;
const portFlag = /(--port[= ])(\d{2,5})\b/g;

async function guardPreload(root: string, internal: string): Promise<string> {
  const outfile = join(internal, 'loopback-only.mjs');
  await build({
    entryPoints: [join(root, 'bench/loopback-only.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });
  return pathToFileURL(outfile).href;
}

/**
 * @param writes names the file's commands write in their working directory (`accounts.yaml`,
 * `supergraph.graphql`): never linked to the repository's, should it have one.
 */
export async function openDocSession(root: string, writes: readonly string[]): Promise<DocSession> {
  const cwd = mkdtempSync(join(tmpdir(), 'hrgraph-doc-'));
  const internal = join(cwd, '.doc-test');
  mkdirSync(internal);
  for (const entry of readdirSync(root)) {
    if (entry.startsWith('.') || writes.includes(entry)) continue;
    symlinkSync(join(root, entry), join(cwd, entry));
  }
  const guard = await guardPreload(root, internal);
  const env: Record<string, string> = {};
  for (const name of keptEnv) if (process.env[name]) env[name] = process.env[name]!;
  Object.assign(env, {
    NODE_OPTIONS: `--import=${guard}`,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
  });

  const ports = new Map<number, number>();
  const outputs: string[] = [];
  const held = new Map<number, RunningCommand>();
  const sandboxes = new Map<string, SandboxBanner>();

  async function portFor(documented: number): Promise<number> {
    let port = ports.get(documented);
    if (port === undefined) {
      do port = await freePort();
      while ([...ports.values()].includes(port));
      ports.set(documented, port);
    }
    return port;
  }

  async function stopCommand(command: RunningCommand): Promise<void> {
    await command.process.stop();
    command.afterStop?.();
  }

  const session: DocSession = {
    root,
    cwd,
    env,
    internal,
    portFor,
    async rewritePorts(text) {
      for (const match of [...text.matchAll(hostPort), ...text.matchAll(portFlag)]) {
        await portFor(Number(match[2]));
      }
      return text
        .replace(hostPort, (_, host, port) => `${host}:${ports.get(Number(port))}`)
        .replace(portFlag, (_, flag, port) => `${flag}${ports.get(Number(port))}`);
    },
    asDocumented(text) {
      let shown = text;
      for (const [documented, port] of ports) {
        shown = shown.replace(new RegExp(`:${port}\\b`, 'g'), `:${documented}`);
      }
      return shown;
    },
    fill: (text) => fillPlaceholders(text, { sandboxes, outputs }),
    record: (output) => outputs.push(output),
    sandboxes,
    graphql: undefined,
    async release(port) {
      const before = held.get(port);
      held.delete(port);
      if (before) await stopCommand(before);
    },
    hold(port, command) {
      held.set(port, command);
    },
    async close() {
      const running = [...held.values()];
      held.clear();
      await Promise.all(running.map(stopCommand));
      rmSync(cwd, { recursive: true, force: true });
    },
  };
  return session;
}
