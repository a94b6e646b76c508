/**
 * Okta's filter and search expression language (SCIM-like, developer.okta.com/docs/api/#filter):
 * `attr op "value"`, `attr pr`, `and`, `or`, parentheses. Operators and logical words are
 * case-insensitive; attribute names are case-sensitive. `not` is not supported, as in Okta.
 */

export type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co' | 'ew' | 'pr';
export type Literal = string | number | boolean | null;

export type Expression =
  | { readonly kind: 'and' | 'or'; readonly items: readonly Expression[] }
  | {
      readonly kind: 'compare';
      readonly path: string;
      readonly op: Operator;
      readonly value: Literal;
    };

export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

const OPERATORS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'sw', 'co', 'ew', 'pr']);
const TOKEN = /\s*(?:(\()|(\))|("(?:[^"\\]|\\.)*")|([^\s()"]+))/y;

type Token = { kind: 'open' | 'close' | 'string' | 'word'; text: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(input);
    if (!match) throw new ExpressionError(`unexpected character at ${start}`);
    if (match[1]) tokens.push({ kind: 'open', text: '(' });
    else if (match[2]) tokens.push({ kind: 'close', text: ')' });
    else if (match[3]) tokens.push({ kind: 'string', text: match[3] });
    else tokens.push({ kind: 'word', text: match[4] ?? '' });
  }
  return tokens;
}

function literal(token: Token | undefined): Literal {
  if (!token) throw new ExpressionError('missing value');
  if (token.kind === 'string') return JSON.parse(token.text) as string;
  if (token.kind !== 'word') throw new ExpressionError(`unexpected '${token.text}'`);
  const word = token.text.toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(token.text)) return Number(token.text);
  throw new ExpressionError(`value ${token.text} must be quoted`);
}

export function parseExpression(input: string): Expression {
  const tokens = tokenize(input);
  let at = 0;
  const peekWord = () => (tokens[at]?.kind === 'word' ? tokens[at]?.text.toLowerCase() : null);

  function list(kind: 'and' | 'or', item: () => Expression): Expression {
    const items = [item()];
    while (peekWord() === kind) {
      at++;
      items.push(item());
    }
    return items.length === 1 ? (items[0] as Expression) : { kind, items };
  }
  function factor(): Expression {
    const token = tokens[at++];
    if (!token) throw new ExpressionError('expression ends early');
    if (token.kind === 'open') {
      const inner = list('or', () => list('and', factor));
      if (tokens[at++]?.kind !== 'close') throw new ExpressionError("missing ')'");
      return inner;
    }
    if (token.kind !== 'word' || !/^[A-Za-z_$][\w.$]*$/.test(token.text))
      throw new ExpressionError(`expected an attribute, got '${token.text}'`);
    const op = tokens[at++]?.text.toLowerCase() ?? '';
    if (!OPERATORS.has(op)) throw new ExpressionError(`unknown operator '${op}'`);
    if (op === 'pr') return { kind: 'compare', path: token.text, op: 'pr', value: null };
    return { kind: 'compare', path: token.text, op: op as Operator, value: literal(tokens[at++]) };
  }

  if (tokens.length === 0) throw new ExpressionError('empty expression');
  const expression = list('or', () => list('and', factor));
  if (at !== tokens.length) throw new ExpressionError(`unexpected '${tokens[at]?.text}'`);
  return expression;
}

/** Every comparison in an expression, for the caller's checks of attributes and operators. */
export function comparisons(
  expression: Expression,
): Array<Extract<Expression, { kind: 'compare' }>> {
  return expression.kind === 'compare' ? [expression] : expression.items.flatMap(comparisons);
}

export interface EvaluateOptions {
  /** Search compares string values case-insensitively; filter does not. */
  readonly caseInsensitive: boolean;
  /** Attributes compared as instants (`lastUpdated gt "2014-01-01T00:00:00.000Z"`). */
  readonly instants: ReadonlySet<string>;
}

export function evaluate(
  expression: Expression,
  get: (path: string) => unknown,
  options: EvaluateOptions,
): boolean {
  if (expression.kind !== 'compare') {
    const one = (e: Expression) => evaluate(e, get, options);
    return expression.kind === 'and' ? expression.items.every(one) : expression.items.some(one);
  }
  const actual = get(expression.path);
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some((value) => compare(value, expression, options));
}

function compare(
  actual: unknown,
  { path, op, value }: Extract<Expression, { kind: 'compare' }>,
  options: EvaluateOptions,
): boolean {
  if (op === 'pr') return actual !== null && actual !== undefined && actual !== '';
  if (value === null) return op === 'eq' ? actual == null : op === 'ne' ? actual != null : false;
  if (actual === null || actual === undefined) return op === 'ne';
  let left: string | number | boolean = actual as string | number | boolean;
  let right: string | number | boolean = value;
  if (options.instants.has(path) && typeof left === 'string' && typeof right === 'string') {
    left = Date.parse(left);
    right = Date.parse(right);
    if (Number.isNaN(right)) return false;
  } else if (typeof left === 'string' && typeof right === 'string' && options.caseInsensitive) {
    left = left.toLowerCase();
    right = right.toLowerCase();
  } else if (typeof left === 'number' && typeof right === 'string') {
    right = Number(right);
  }
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'gt':
      return left > right;
    case 'ge':
      return left >= right;
    case 'lt':
      return left < right;
    case 'le':
      return left <= right;
    case 'sw':
      return String(left).startsWith(String(right));
    case 'ew':
      return String(left).endsWith(String(right));
    case 'co':
      return String(left).includes(String(right));
  }
}
