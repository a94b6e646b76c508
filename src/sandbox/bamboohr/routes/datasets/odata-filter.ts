/**
 * The OData-ish `filter` of POST /v2/datasets/{name}/data: comparisons (`eq ne lt le gt ge`),
 * `in (…)`, `and`, `or`, `not` and parentheses over single-quoted strings, numbers, unquoted
 * ISO dates, `true`, `false` and `null`. The spec names the operators but no grammar, so this
 * follows OData v4's precedence (`not` > comparison > `and` > `or`) and its `''` quote escape.
 */

export type FilterLiteral = string | number | boolean | null;
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | {
      readonly kind: 'compare';
      readonly field: string;
      readonly op: CompareOp;
      readonly value: FilterLiteral;
    }
  | { readonly kind: 'in'; readonly field: string; readonly values: readonly FilterLiteral[] };

export type ParseResult =
  | { readonly ok: true; readonly node: FilterNode }
  | { readonly ok: false; readonly message: string };

type Token =
  | { readonly t: 'punct'; readonly v: '(' | ')' | ',' }
  | { readonly t: 'word'; readonly v: string }
  | { readonly t: 'literal'; readonly v: FilterLiteral };

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const TOKEN_SOURCE =
  /\s*(?:(?<punct>[(),])|'(?<str>(?:[^']|'')*)'|(?<date>\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)|(?<num>-?\d+(?:\.\d+)?)|(?<word>[A-Za-z_][\w.]*))/
    .source;

class FilterSyntaxError extends Error {}

function tokenize(text: string): Token[] {
  // A sticky regex carries lastIndex, so each parse gets its own.
  const TOKEN = new RegExp(TOKEN_SOURCE, 'y');
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m?.groups) throw new FilterSyntaxError(`Unexpected character at position ${at + 1}`);
    const g = m.groups;
    if (g.punct) tokens.push({ t: 'punct', v: g.punct as '(' | ')' | ',' });
    else if (g.str !== undefined) tokens.push({ t: 'literal', v: g.str.replaceAll("''", "'") });
    else if (g.date) tokens.push({ t: 'literal', v: g.date });
    else if (g.num) tokens.push({ t: 'literal', v: Number(g.num) });
    else if (g.word) tokens.push(wordToken(g.word));
    at = TOKEN.lastIndex;
  }
  return tokens;
}

function wordToken(word: string): Token {
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false') return { t: 'literal', v: lower === 'true' };
  if (lower === 'null') return { t: 'literal', v: null };
  return { t: 'word', v: word };
}

/** Recursive descent over the token list; one instance per parse. */
function createParser(tokens: readonly Token[]) {
  let i = 0;
  const peekWord = (): string | undefined => {
    const tok = tokens[i];
    return tok?.t === 'word' ? tok.v.toLowerCase() : undefined;
  };
  const expectPunct = (v: string): void => {
    const tok = tokens[i];
    if (tok?.t !== 'punct' || tok.v !== v) throw new FilterSyntaxError(`Expected '${v}'`);
    i++;
  };
  const literal = (): FilterLiteral => {
    const tok = tokens[i];
    if (tok?.t !== 'literal') throw new FilterSyntaxError('Expected a value');
    i++;
    return tok.v;
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (peekWord() === 'or') {
      i++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): FilterNode {
    let left = parseUnary();
    while (peekWord() === 'and') {
      i++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  }
  function parseUnary(): FilterNode {
    if (peekWord() === 'not') {
      i++;
      return { kind: 'not', operand: parseUnary() };
    }
    const tok = tokens[i];
    if (tok?.t === 'punct' && tok.v === '(') {
      i++;
      const inner = parseOr();
      expectPunct(')');
      return inner;
    }
    return parseComparison();
  }
  function parseComparison(): FilterNode {
    const fieldTok = tokens[i];
    if (fieldTok?.t !== 'word') throw new FilterSyntaxError('Expected a field name');
    i++;
    const op = peekWord();
    if (op === 'in') {
      i++;
      expectPunct('(');
      const values = [literal()];
      while (tokens[i]?.t === 'punct' && tokens[i]?.v === ',') {
        i++;
        values.push(literal());
      }
      expectPunct(')');
      return { kind: 'in', field: fieldTok.v, values };
    }
    if (op === undefined || !COMPARE_OPS.has(op)) {
      throw new FilterSyntaxError(`Expected an operator after '${fieldTok.v}'`);
    }
    i++;
    return { kind: 'compare', field: fieldTok.v, op: op as CompareOp, value: literal() };
  }
  function parseAll(): FilterNode {
    const node = parseOr();
    if (i < tokens.length) throw new FilterSyntaxError('Unexpected trailing input');
    return node;
  }
  return { parseAll };
}

export function parseFilter(text: string): ParseResult {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { ok: false, message: 'The filter is empty' };
    return { ok: true, node: createParser(tokens).parseAll() };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Every field name the filter reads, for validation against the dataset's fields. */
export function filterFields(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterFields(node.left), ...filterFields(node.right)];
    case 'not':
      return filterFields(node.operand);
    default:
      return [node.field];
  }
}
