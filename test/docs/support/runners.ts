/**
 * Every kind of command the READMEs show, and how the doc test runs it as written: started and
 * waited on until it answers (servers, sandboxes, the example subgraphs), or run to its end and
 * its exit code and output checked (CLI commands, curl, the benchmark at its tiny size). A
 * command no runner claims fails the test, naming it: a new kind of command needs a runner here
 * before the README may show it.
 *
 * Where a command needs a port it does not name, or an address it reaches by default, the runner
 * adds the documented flag or variable (`--port`, `INVENTORY_PORT`, `HRGRAPH_URL`, …) with the
 * session's stand-in, so the command runs as written on a free port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  afterDoubleDash,
  expectClaimedPort,
  expectPrinted,
  hrgraphUrl,
  inventoryUrl,
  runToEnd,
  startExample,
  startServer,
} from './command-steps.js';
import type { DocSession } from './doc-session.js';
import { askGraphQL, expectData, expectKeyFilesGone, probeDemo, probeSandbox } from './probes.js';
import type { ShellCommand } from './shell-commands.js';

export interface CommandRunner {
  readonly name: string;
  /** Matches the command after its leading `NAME=value` words. */
  readonly matches: RegExp;
  /** How long the command may take, start to answer or to exit. @default 60_000 */
  readonly timeoutMs?: number;
  /**
   * Needs nothing the file's other commands leave, and touches nothing they use (no documented
   * port, no file of theirs): started with the session, beside them, and awaited in its turn.
   */
  readonly independent?: boolean;
  run(command: ShellCommand, session: DocSession): Promise<void>;
}

const assignments = /^(?:[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|<[^<>]*>|\S+)\s+)*/;
export const withoutAssignments = (text: string) => text.replace(assignments, '');

export const runners: readonly CommandRunner[] = [
  {
    // Both are CI's own steps: running them inside the suite would install into, or test, itself.
    name: 'CI (.ci/run)',
    matches: /^npm (install|test)$/,
    async run(command, session) {
      const ci = readFileSync(join(session.root, '.ci/run'), 'utf8');
      // `npm ci` is `npm install` held to the lockfile: the same packages and the same prepare.
      const step = command.text === 'npm install' ? /^npm ci\b/m : /^npm test$/m;
      expect(ci, `.ci/run runs ${command.text}`).toMatch(step);
    },
  },
  {
    name: 'hrgraph serve',
    matches: /^(npm start|npx hrgraph serve)\b/,
    async run(command, session) {
      const { process, url } = await startServer(session, command, {
        label: 'hrgraph',
        defaultPort: 4000,
        movePort: (text, port) => ({
          text: text.startsWith('npm')
            ? afterDoubleDash(text, `--port ${port}`)
            : `${text} --port ${port}`,
        }),
        ready: /serving GraphQL at (http:\/\/\S+)/,
      });
      expectClaimedPort(command, session.asDocumented(url));
      session.graphql = { url, kind: 'hrgraph' };
      if (/DEMO MODE/.test(process.stdout())) await probeDemo(url);
      else expect((await fetch(url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    },
  },
  {
    name: 'a standalone sandbox',
    matches: /^npm run sandbox\b/,
    async run(command, session) {
      let label = '';
      const { stdout } = await startServer(session, command, {
        label: 'sandbox',
        defaultPort: 4010,
        movePort: (text, port) => ({ text: afterDoubleDash(text, `--port ${port}`) }),
        ready: /^Press Ctrl\+C to stop\.$/m,
        afterStop(banner) {
          expectKeyFilesGone(banner);
          if (session.sandboxes.get(label)?.text === banner) session.sandboxes.delete(label);
        },
      });
      label = /^(.+?) sandbox for /m.exec(stdout)?.[1] ?? '';
      await probeSandbox(label, stdout);
      session.sandboxes.set(label, { label, text: stdout });
    },
  },
  {
    name: 'the example inventory subgraph',
    matches: /^npx tsx examples\/inventory\/main\.ts$/,
    async run(command, session) {
      const url = await startExample(session, command, {
        label: 'inventory',
        defaultPort: 4001,
        portVariable: 'INVENTORY_PORT',
        ready: /inventory subgraph at (http:\/\/\S+?\/graphql)/,
      });
      expectData(await askGraphQL(url, '{ _service { sdl } }'), 'the inventory');
    },
  },
  {
    name: 'the example gateway',
    matches: /^npx tsx examples\/gateway\/main\.ts$/,
    async run(command, session) {
      const url = await startExample(session, command, {
        label: 'gateway',
        defaultPort: 4100,
        portVariable: 'GATEWAY_PORT',
        ready: /gateway at (http:\/\/\S+)/,
      });
      session.graphql = { url, kind: 'gateway' };
    },
  },
  {
    name: 'composing the example supergraph',
    matches: /^npx tsx examples\/gateway\/compose\.ts > (\S+)$/,
    async run(command, session) {
      await runToEnd(session, command.text, {
        HRGRAPH_URL: await hrgraphUrl(session),
        INVENTORY_URL: await inventoryUrl(session),
      });
      const file = /> (\S+)$/.exec(command.text)?.[1] ?? '';
      const supergraph = readFileSync(join(session.cwd, file), 'utf8');
      expect(supergraph).toContain('join__Graph');
      expect(supergraph).toMatch(/HRGRAPH @join__graph/);
      expect(supergraph).toMatch(/INVENTORY @join__graph/);
    },
  },
  {
    name: 'the benchmark, at its tiny size',
    matches: /^npm run bench\b/,
    timeoutMs: 240_000,
    independent: true,
    async run(command, session) {
      const out = join(session.internal, `bench-${command.line}.json`);
      // --tiny (bench/options.ts): CI's profile; --in-process spares a process per scenario;
      // --out keeps the committed bench/results/latest.json as it is.
      const text = afterDoubleDash(command.text, `--tiny --in-process --out ${out}`);
      const stdout = await runToEnd(session, text, {}, 240_000);
      const only = /--only (\S+)/.exec(command.text)?.[1]?.split(',');
      const results = JSON.parse(readFileSync(out, 'utf8')) as { rows: { scenario: string }[] };
      const ran = new Set(results.rows.map((row) => row.scenario.split(' ')[0]));
      if (only) expect([...ran].sort()).toEqual([...only].sort());
      else expect(ran.size).toBe(7);
      for (const scenario of ran) expect(stdout).toContain(`| ${scenario}`);
    },
  },
  {
    name: 'the hrgraph CLI',
    matches: /^npx hrgraph (accounts|tokens)\b/,
    async run(command, session) {
      const text = await session.rewritePorts(session.fill(command.text));
      expectPrinted(command, session, await runToEnd(session, text));
    },
  },
  {
    name: 'curl',
    matches: /^curl\b/,
    async run(command, session) {
      const text = await session.rewritePorts(session.fill(command.text));
      const stdout = await runToEnd(session, text);
      expectPrinted(command, session, stdout);
      let body: { data?: unknown; errors?: unknown } | undefined;
      try {
        body = JSON.parse(stdout);
      } catch {
        body = undefined;
      }
      // A GraphQL answer must be one with data.
      if (body && ('data' in body || 'errors' in body)) {
        expectData({ status: 200, body: body as never }, command.text);
      }
    },
  },
];

export function runnerFor(command: ShellCommand): CommandRunner | undefined {
  const bare = withoutAssignments(command.text);
  return runners.find((runner) => runner.matches.test(bare));
}
