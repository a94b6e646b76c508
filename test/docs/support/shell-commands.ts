/**
 * A ```sh block as a reader types it: one command per line (a line ending in `\` goes on), each
 * with its trailing comment, and what the block says the command answers:
 *
 *     npx hrgraph accounts connect-link globex   # prints http://…/connect/bamboohr?…&link=hrc_…
 *     curl … http://127.0.0.1:4000/graphql
 *     # → {"data":{"accounts":[…]}}
 *
 * `# prints X` means a line of its output matches X; a `# → X` line after a command means its
 * whole output does; in both, `…` stands for any text. The command itself is run by bash, as
 * written; nothing here interprets it beyond finding where its comment starts.
 */
import type { DocCode } from './markdown.js';

export interface ShellCommand {
  readonly file: string;
  readonly line: number;
  /** The command, continuation lines joined, without its comment. */
  readonly text: string;
  /** Its trailing comment, without `#`: '' when none. */
  readonly comment: string;
  /** What its output must match, from `# prints …` or a `# → …` line after it. */
  readonly expect?: { readonly whole: boolean; readonly pattern: string };
}

/** Where a `#` starts a comment: at a word's start, outside quotes. */
function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}

export function shellCommands(block: DocCode): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const lines = block.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let text = '';
    let comment = '';
    for (;;) {
      const raw = lines[i] ?? '';
      const at = commentStart(raw);
      const code = (at < 0 ? raw : raw.slice(0, at)).trimEnd();
      if (at >= 0) comment = raw.slice(at + 1).trim();
      if (code.endsWith('\\') && i + 1 < lines.length) {
        text += `${code.slice(0, -1).trimEnd()} `;
        i++;
        continue;
      }
      text += code;
      break;
    }
    text = text.trim();
    const arrow = /^→\s*(.+)$/.exec(comment);
    if (!text) {
      // A comment line: `# → …` tells what the command before it answers.
      const previous = commands.at(-1);
      if (arrow && previous) {
        commands[commands.length - 1] = {
          ...previous,
          expect: { whole: true, pattern: arrow[1]! },
        };
      }
      continue;
    }
    const prints = /^prints\s+(\S.*)$/.exec(comment);
    commands.push({
      file: block.file,
      line: block.line + 1 + first,
      text,
      comment,
      ...(prints ? { expect: { whole: false, pattern: prints[1]! } } : {}),
    });
  }
  return commands;
}

/** `…` as any run of text, everything else literal. */
export function ellipsisPattern(pattern: string, whole: boolean): RegExp {
  const body = pattern
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*?');
  return new RegExp(whole ? `^${body}$` : body, 'm');
}
