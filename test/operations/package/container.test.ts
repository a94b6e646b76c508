/**
 * Issue 21 (C), packaging: there is no container engine on the machines this is built on, so the
 * image is checked without one. The Dockerfile parses into stages that copy only what they should
 * (every path it copies exists once `npm run build` has run, nothing in .dockerignore, no sources
 * or sandbox in the production stage, a non-root user, a health check on /healthz); the
 * production stage's contents, gathered as its stages gather them, start and answer; and
 * compose.yaml's services agree with the CLI and with each other.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pruneSandbox, sandboxOutputs } from '../../../scripts/docker-prune-sandbox.js';
import { serveCommand } from '../../../src/cli/commands/serve.js';
import { checkEnvironment } from '../../../src/cli/serve-config.js';
import { buildOnce, root } from '../../cli/support/built-cli.js';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}
interface Stage {
  readonly name: string;
  readonly from: string;
  readonly instructions: Instruction[];
}

/** The Dockerfile's stages: instructions with their continuation lines joined, comments out. */
function dockerfileStages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', args = ''] = line.match(/^(\S+)\s*(.*)$/) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, from = '', name = ''] = args.match(/^(\S+)(?:\s+AS\s+(\S+))?$/i) ?? [];
      stages.push({ name, from, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const stages = dockerfileStages(dockerfile);
const stage = (name: string) => stages.find((s) => s.name === name)!;
const all = (s: Stage, keyword: string) => s.instructions.filter((i) => i.keyword === keyword);

/** A COPY's flags, sources and destination. */
function copyOf({ args }: Instruction) {
  const words = args.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1)! };
}

/** The stage a stage was built on, all the way down, itself first. */
function lineage(name: string): string[] {
  const found = stages.find((s) => s.name === name);
  return found ? [name, ...lineage(found.from)] : [];
}

const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

beforeAll(() => buildOnce());

/** The files the `app` stage gathers into /out (its `cp` lines), repository-relative. */
function gathered(): string[] {
  const run = all(stage('app'), 'RUN')[0]!.args;
  return [...run.matchAll(/\bcp (?:-R )?([^&]+?) \/out\/(\S*)/g)].flatMap(([, sources]) =>
    sources!.trim().split(/\s+/),
  );
}

describe('Dockerfile: multi-stage, the built JavaScript only, non-root', () => {
  test('build with dev dependencies, production dependencies apart, runtime last (the default target)', () => {
    expect(stages.map((s) => s.name)).toEqual([
      'build',
      'production-deps',
      'app',
      'app-without-sandbox',
      'examples',
      'image-base',
      'demo',
      'runtime',
    ]);
    expect(
      all(stage('build'), 'RUN')
        .map((r) => r.args)
        .join('\n'),
    ).toMatch(/npm ci .*\n.*npm run build/s);
    expect(all(stage('production-deps'), 'RUN')[0]!.args).toMatch(/^npm prune --omit=dev/);
    expect(all(stage('app-without-sandbox'), 'RUN')[0]!.args).toBe(
      'node scripts/docker-prune-sandbox.js /out',
    );
  });

  test('the images gather the launcher, the bundle and production dependencies only: no sources', () => {
    expect(lineage('app')).toContain('production-deps');
    expect(gathered().sort()).toEqual(
      [
        'bin',
        'dist',
        'node_modules',
        'package-lock.json',
        'package.json',
        'scripts/build.js',
      ].sort(),
    );
    expect(stage('image-base').from).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim$/);
    for (const [name, from] of [
      ['demo', 'app'],
      // The sandbox stays out of production: runtime copies only from the pruned stage.
      ['runtime', 'app-without-sandbox'],
    ] as const) {
      expect(lineage(name)).toEqual([name, 'image-base']);
      expect(all(stage(name), 'COPY').map(copyOf)).toEqual([
        { from, sources: ['/out'], destination: './' },
      ]);
    }
  });

  test('every path the stages copy exists once `npm run build` has run, and .dockerignore keeps none out', () => {
    const fromContext = stages.flatMap((s) =>
      all(s, 'COPY')
        .map(copyOf)
        .filter((copy) => !copy.from)
        .flatMap((copy) => copy.sources.map((source) => source.replace(/^\.\//, ''))),
    );
    expect(fromContext).toContain('src');
    for (const path of [...fromContext, ...gathered()]) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    for (const path of fromContext) {
      expect(ignored.some((pattern) => path === pattern || path.startsWith(`${pattern}/`))).toBe(
        false,
      );
    }
    // What the build context must never carry: local state, secrets, outputs.
    for (const kept of ['.hrgraph', 'node_modules', 'dist', '.env', '.git']) {
      expect(ignored).toContain(kept);
    }
  });

  test('demo and runtime run as the unprivileged node user, with a health check on /healthz', () => {
    const base = stage('image-base');
    expect(all(base, 'HEALTHCHECK')[0]!.args).toContain('/healthz');
    expect(JSON.parse(all(base, 'ENTRYPOINT')[0]!.args)).toEqual(['node', 'bin/hrgraph.js']);
    expect(all(base, 'USER')).toEqual([]);
    for (const name of ['demo', 'runtime']) {
      const s = stage(name);
      expect(all(s, 'USER').map((u) => u.args)).toEqual(['node']);
      expect(all(s, 'ENTRYPOINT')).toEqual([]);
    }
    expect(JSON.parse(all(stage('runtime'), 'CMD')[0]!.args)).toEqual(['serve']);
    expect(JSON.parse(all(stage('demo'), 'CMD')[0]!.args)).toEqual(['serve', '--demo']);
  });

  test('the runtime image’s environment is one `serve` accepts as it is', () => {
    const env = Object.fromEntries(
      all(stage('runtime'), 'ENV')
        .flatMap((e) => e.args.split(/\s+/))
        .map((pair) => pair.split('=') as [string, string]),
    );
    expect(env).toEqual({
      HRGRAPH_HOST: '0.0.0.0',
      HRGRAPH_PORT: '4000',
      HRGRAPH_DATA_DIR: '/data',
    });
    expect(checkEnvironment(env)).toMatchObject({ problems: [], warnings: [] });
  });
});

describe('the runtime stage’s files, gathered as the app stage gathers them, serve without the sandbox', () => {
  let app: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'hrgraph-image-'));
    for (const file of gathered().filter((path) => path !== 'node_modules')) {
      cpSync(join(root, file), join(app, file), { recursive: true });
    }
    // node_modules by reference, one link per package, so pruning one removes a link only.
    mkdirSync(join(app, 'node_modules'));
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      symlinkSync(join(root, 'node_modules', entry), join(app, 'node_modules', entry));
    }
    expect(pruneSandbox(app).length).toBeGreaterThan(0);
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(app, { recursive: true, force: true });
  });

  function run(args: readonly string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['bin/hrgraph.js', ...args], {
      cwd: app,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.stderr?.on('data', (chunk) => (err += chunk));
    const exited = once(child, 'close').then(([code]) => code as number | null);
    return { child, out: () => out, err: () => err, exited };
  }

  test('no sandbox code and no fake-data library are left', () => {
    const meta = JSON.parse(readFileSync(join(app, 'dist', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    };
    const left = Object.entries(meta.outputs).filter(([path]) => existsSync(join(app, path)));
    const sources = left.flatMap(([, output]) => Object.keys(output.inputs));
    expect(sources.some((s) => s.startsWith('src/server/'))).toBe(true);
    expect(
      sources.filter((s) => s.startsWith('src/sandbox/') || s.startsWith('src/cli/demo/')),
    ).toEqual([]);
    expect(existsSync(join(app, 'node_modules', '@faker-js'))).toBe(false);
  });

  test('a build where production code loads sandbox code fails the prune instead of shipping half of it', () => {
    const output = (inputs: string[], imports: { path: string; kind: string }[] = []) => ({
      inputs: Object.fromEntries(inputs.map((i) => [i, {}])),
      imports,
    });
    const meta = (kind: string) => ({
      outputs: {
        'dist/cli/main.js': output(['src/cli/main.ts'], [{ path: 'dist/chunks/demo.js', kind }]),
        'dist/chunks/demo.js': {
          ...output(['src/sandbox/company/index.ts']),
          entryPoint: 'src/cli/demo/index.ts',
        },
      },
    });
    expect(sandboxOutputs(meta('dynamic-import'))).toEqual(['dist/chunks/demo.js']);
    expect(() => sandboxOutputs(meta('import-statement'))).toThrow(
      'production code loads sandbox code through dist/chunks/demo.js',
    );
  });

  test('serve starts, answers /healthz, and stops on SIGTERM with exit 0 (node as PID 1 needs no init)', async () => {
    const served = run(['serve'], {
      HRGRAPH_HOST: '127.0.0.1',
      HRGRAPH_PORT: '0',
      HRGRAPH_DATA_DIR: join(app, 'data'),
    });
    const url = await new Promise<string>((resolve, reject) => {
      served.child.stdout?.on('data', () => {
        const match = served.out().match(/serving GraphQL at (http:\/\/\S+)\/graphql/);
        if (match) resolve(match[1]!);
      });
      void served.exited.then((code) => reject(new Error(`exited ${code}: ${served.err()}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });

  test('serve --demo says the image has no sandbox, in one line', async () => {
    const demo = run(['serve', '--demo', '--port', '0']);
    expect(await demo.exited).toBe(1);
    expect(demo.err()).toMatch(
      /^hrgraph: this build of hrgraph has no sandbox, so no --demo: [^\n]+\n$/,
    );
  });
});

describe('compose.yaml: hrgraph’s demo, the inventory and a gateway that agree with each other', () => {
  const compose = parseYaml(readFileSync(join(root, 'compose.yaml'), 'utf8')) as {
    services: Record<
      string,
      {
        build: { context: string; target: string };
        command: string[];
        environment?: Record<string, string>;
        network_mode?: string;
        ports?: string[];
      }
    >;
  };
  const { hrgraph, inventory, gateway } = compose.services;
  const portOf = (url: string) => Number(new URL(url).port);
  /** compose's `${NAME:-default}`, with the default. */
  const interpolated = (text: string) => text.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

  test('each service builds a stage of the Dockerfile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'hrgraph', 'inventory']);
    for (const service of Object.values(compose.services)) {
      expect(service.build.context).toBe('.');
      expect(stages.map((s) => s.name)).toContain(service.build.target);
    }
  });

  test('hrgraph’s command is one `hrgraph serve` takes, and the others find it where it listens', async () => {
    const [name, ...args] = hrgraph!.command;
    expect(name).toBe('serve');
    const command = serveCommand().exitOverride();
    let parsed: Record<string, unknown> | undefined;
    command.action((options: Record<string, unknown>) => {
      parsed = options;
    });
    await command.parseAsync(args, { from: 'user' });
    expect(parsed).toMatchObject({ demo: true, port: 4000, host: '127.0.0.1' });
    // --demo is loopback only: the others share hrgraph's network namespace to reach it.
    for (const other of [inventory!, gateway!]) {
      expect(other.network_mode).toBe('service:hrgraph');
      expect(portOf(other.environment!.HRGRAPH_URL!)).toBe(parsed!.port);
    }
    expect(portOf(gateway!.environment!.INVENTORY_URL!)).toBe(
      Number(inventory!.environment!.INVENTORY_PORT),
    );
  });

  test('the gateway listens on every interface at the port hrgraph’s service publishes, on loopback', () => {
    expect(gateway!.environment!.GATEWAY_HOST).toBe('0.0.0.0');
    expect(hrgraph!.ports).toEqual([
      `127.0.0.1:${gateway!.environment!.GATEWAY_PORT}:${gateway!.environment!.GATEWAY_PORT}`,
    ]);
  });

  test('the example scripts the services run exist, run by the examples stage’s tsx', () => {
    expect(JSON.parse(all(stage('examples'), 'ENTRYPOINT')[0]!.args)).toEqual([
      'node_modules/.bin/tsx',
    ]);
    for (const service of [inventory!, gateway!]) {
      expect(service.build.target).toBe('examples');
      const script = interpolated(service.command[0]!);
      expect(existsSync(join(root, script)), script).toBe(true);
    }
    expect(interpolated(gateway!.command[0]!)).toBe('examples/gateway/hive-main.ts');
  });
});
