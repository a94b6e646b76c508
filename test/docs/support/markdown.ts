/**
 * What a markdown file shows a reader as code, in reading order: every fenced block (with its
 * language) and every inline code span, each with the line it starts on. Read with marked's lexer,
 * so fences, indentation and nesting in lists follow CommonMark rather than a regular expression.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Token, type Tokens } from 'marked';

export interface DocCode {
  /** The file as the repository names it: `README.md`, `examples/README.md`. */
  readonly file: string;
  readonly line: number;
  /** A fenced block's language ('' when none), `inline` for a code span, `link` for a link's target. */
  readonly lang: string;
  readonly text: string;
}

/** `README.md:42`, how failures name a place. */
export const where = (code: Pick<DocCode, 'file' | 'line'>) => `${code.file}:${code.line}`;

export function readDocCode(root: string, file: string): DocCode[] {
  const source = readFileSync(join(root, file), 'utf8');
  const found: DocCode[] = [];
  // Tokens come in reading order; each is looked for from where the one before it was found.
  let cursor = 0;
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  function locate(raw: string): number {
    const at = source.indexOf(raw, cursor);
    if (at >= 0) return at;
    // Inside a list item marked gives the text without its indentation: any whitespace run then.
    const loose = new RegExp(
      raw
        .trim()
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
      'g',
    );
    loose.lastIndex = cursor;
    const found = loose.exec(source);
    if (!found) throw new Error(`${file}: cannot place ${JSON.stringify(raw.slice(0, 60))}`);
    return found.index;
  }
  function visit(tokens: readonly Token[]): void {
    for (const token of tokens) {
      if (token.type === 'code') {
        const at = locate(token.raw);
        const { lang = '', text } = token as Tokens.Code;
        found.push({ file, line: lineAt(at), lang: lang.trim(), text });
        cursor = at + token.raw.length;
      } else if (token.type === 'link') {
        const at = locate(token.raw);
        found.push({ file, line: lineAt(at), lang: 'link', text: (token as Tokens.Link).href });
      } else if (token.type === 'codespan') {
        const at = locate(token.raw);
        found.push({
          file,
          line: lineAt(at),
          lang: 'inline',
          text: (token as Tokens.Codespan).text,
        });
        cursor = at + token.raw.length;
      }
      const children = [
        ...('tokens' in token && Array.isArray(token.tokens) ? token.tokens : []),
        ...('items' in token && Array.isArray(token.items) ? (token.items as Token[]) : []),
        ...(token.type === 'table' ? tableCells(token as Tokens.Table) : []),
      ];
      visit(children);
    }
  }
  visit(marked.lexer(source));
  return found;
}

function tableCells(table: Tokens.Table): Token[] {
  return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
}
