/**
 * Evaluates a parsed dataset filter against one record. Dataset values are strings (or null), so
 * comparisons are numeric when both sides read as numbers, else case-insensitive text — BambooHR
 * treats values case-insensitively [DOC-FIELD-TYPES], and ISO dates order correctly as text.
 */
import type { CompareOp, FilterLiteral, FilterNode } from './odata-filter.js';

export type ReadField = (field: string) => string | null;

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

function literalText(value: FilterLiteral): string | null {
  if (value === null) return null;
  return String(value);
}

/** -1, 0 or 1; null when one side is empty, as SQL's unknown. */
function compareValues(actual: string | null, expected: FilterLiteral): number | null {
  const want = literalText(expected);
  if (actual === null || actual === '' || want === null) return null;
  if (NUMERIC.test(actual) && NUMERIC.test(want)) {
    return Math.sign(Number(actual) - Number(want));
  }
  const a = actual.toLowerCase();
  const b = want.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function isEmpty(actual: string | null): boolean {
  return actual === null || actual === '';
}

function equals(actual: string | null, expected: FilterLiteral): boolean {
  if (expected === null) return isEmpty(actual);
  return compareValues(actual, expected) === 0;
}

function compare(actual: string | null, op: CompareOp, expected: FilterLiteral): boolean {
  if (op === 'eq') return equals(actual, expected);
  if (op === 'ne') return !equals(actual, expected);
  const order = compareValues(actual, expected);
  if (order === null) return false;
  switch (op) {
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'gt':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** The form `in` compares by: numbers by value, text without case; null for empty. */
function equalityKey(value: string | number | boolean | null): string | null {
  if (value === null || value === '') return null;
  const text = String(value);
  return NUMERIC.test(text) ? `#${Number(text)}` : `'${text.toLowerCase()}`;
}

export type CompiledFilter = (read: ReadField) => boolean;

/**
 * Turns the tree into a closure once per request; `in` lists become sets, so a batch fetch of a
 * thousand ids costs one lookup per row, not a thousand comparisons.
 */
export function compileFilter(node: FilterNode): CompiledFilter {
  switch (node.kind) {
    case 'and': {
      const left = compileFilter(node.left);
      const right = compileFilter(node.right);
      return (read) => left(read) && right(read);
    }
    case 'or': {
      const left = compileFilter(node.left);
      const right = compileFilter(node.right);
      return (read) => left(read) || right(read);
    }
    case 'not': {
      const operand = compileFilter(node.operand);
      return (read) => !operand(read);
    }
    case 'in': {
      const keys = new Set(node.values.map(equalityKey));
      const field = node.field;
      return (read) => keys.has(equalityKey(read(field)));
    }
    default: {
      const { field, op, value } = node;
      return (read) => compare(read(field), op, value);
    }
  }
}

export function evaluateFilter(node: FilterNode, read: ReadField): boolean {
  return compileFilter(node)(read);
}
