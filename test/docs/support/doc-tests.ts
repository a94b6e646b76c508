/**
 * One vitest test per piece of code a markdown file shows, in the file's order, all in one
 * session (doc-session.ts): a reader's path through the file, run as written. The list of tests
 * is the file itself, so the README cannot say what no test runs: a command no runner knows, a
 * placeholder no sandbox prints, or a block of a kind with no check fails its test, naming it.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, root } from '../../cli/support/built-cli.js';
import {
  checkGraphQL,
  checkPath,
  checkTypeScript,
  checkUnlabelled,
  checkYaml,
  inlineOperation,
  namedPath,
  yamlFileName,
} from './blocks.js';
import { type DocSession, openDocSession } from './doc-session.js';
import { type DocCode, readDocCode, where } from './markdown.js';
import { runnerFor } from './runners.js';
import { shellCommands } from './shell-commands.js';

/** Files the commands write where they run: never the repository's own. */
function writtenFiles(codes: readonly DocCode[]): string[] {
  return codes.flatMap((code) => {
    if (code.lang === 'yaml') return [yamlFileName(code) ?? []].flat();
    if (code.lang !== 'sh') return [];
    return [...code.text.matchAll(/>\s*([\w.-]+)/g)].map((m) => m[1]!);
  });
}

/**
 * The documents, in the order their twins defer: a ```sh block of a later one that shows the same
 * commands as a block of an earlier one (the README's "run all three processes" and
 * examples/README's) is run by the earlier one's test, once.
 */
export const documents = ['examples/README.md', 'README.md'] as const;

const commandsOf = (block: DocCode) =>
  shellCommands(block)
    .map((c) => c.text)
    .join('\n');

function twinOf(block: DocCode): DocCode | undefined {
  const earlier = documents.slice(0, documents.indexOf(block.file as never));
  return earlier
    .flatMap((file) => readDocCode(root, file))
    .find((other) => other.lang === 'sh' && commandsOf(other) === commandsOf(block));
}

function shellTests(
  block: DocCode,
  session: () => DocSession,
  background: ReadonlyMap<string, Promise<void>>,
) {
  const twin = twinOf(block);
  for (const command of shellCommands(block)) {
    const runner = runnerFor(command);
    const name = `${where(command)} \`${command.text}\``;
    if (twin) {
      test(`${name}: run by ${where(twin)}, the same commands`, () => {
        expect(commandsOf(twin)).toContain(command.text);
      });
    } else if (!runner) {
      test(name, () => {
        throw new Error(
          `${where(command)}: no way to run \`${command.text}\`; teach test/docs/support/runners.ts, or show a command it runs`,
        );
      });
    } else {
      test(`${name} (${runner.name})`, { timeout: runner.timeoutMs ?? 60_000 }, () => {
        return background.get(where(command)) ?? runner.run(command, session());
      });
    }
  }
}

/** Commands that need nothing the others leave (the benchmark's), started with the session. */
function startBackground(
  codes: readonly DocCode[],
  session: DocSession,
  started: Map<string, Promise<void>>,
): void {
  for (const block of codes.filter((code) => code.lang === 'sh' && !twinOf(code))) {
    for (const command of shellCommands(block)) {
      const runner = runnerFor(command);
      if (!runner?.independent) continue;
      const run = runner.run(command, session);
      // Awaited by its own test; this only keeps a failure from going unhandled until then.
      run.catch(() => {});
      started.set(where(command), run);
    }
  }
}

export function describeDoc(file: string): void {
  const codes = readDocCode(root, file);
  let session: DocSession | undefined;
  const current = () => {
    if (!session) throw new Error('the session did not open');
    return session;
  };
  const background = new Map<string, Promise<void>>();
  beforeAll(async () => {
    // What bin/hrgraph.js would do for a stale dist/, once, before any command runs it.
    buildOnce();
    session = await openDocSession(root, writtenFiles(codes));
    startBackground(codes, session, background);
  }, 120_000);
  afterAll(async () => {
    // A background command may still run when a test before its own failed.
    await Promise.allSettled(background.values());
    await session?.close();
  }, 300_000);

  describe(`Issue 12 item 4: ${file} runs as written, in order`, () => {
    for (const code of codes) {
      const name = `${where(code)} ${code.lang || 'unlabelled'} block`;
      switch (code.lang) {
        case 'sh':
          shellTests(code, current, background);
          break;
        case 'yaml':
          test(`${where(code)} ${yamlFileName(code) ?? 'yaml'}`, () => checkYaml(code, current()));
          break;
        case 'graphql':
          test(`${name}: answers with data`, () =>
            checkGraphQL(parse(code.text), code.text, current()));
          break;
        case 'inline':
        case 'link': {
          const operation = code.lang === 'inline' ? inlineOperation(code.text) : undefined;
          const path = namedPath(code, root);
          if (operation) {
            test(`${where(code)} \`${code.text}\`: answers with data`, () =>
              checkGraphQL(operation, code.text, current()));
          } else if (path) {
            test(`${where(code)} ${path} is in the repository`, () => checkPath(code, path, root));
          }
          break;
        }
        case 'ts':
          test(`${name}: calls what examples/ defines`, () => checkTypeScript(code, root));
          break;
        case '':
          test(name, () => checkUnlabelled(code, current()));
          break;
        default:
          test(name, () => {
            throw new Error(`no check for a ${code.lang} block: add one to test/docs/support/`);
          });
      }
    }
  });
}
