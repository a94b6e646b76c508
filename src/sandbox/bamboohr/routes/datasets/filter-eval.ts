/**
 * Evaluates a parsed dataset filter against one record. Dataset values are strings (or null), so
 * comparisons are numeric when both sides read as numbers, else case-insensitive text — BambooHR
 * treats values case-insensitively [DOC-FIELD-TYPES], and ISO dates order correctly as text.
 */
import type { CompareOp, FilterLiteral, FilterNode } from './odata-filter.ts';

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

export function evaluateFilter(node: FilterNode, read: ReadField): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateFilter(node.left, read) && evaluateFilter(node.right, read);
    case 'or':
      return evaluateFilter(node.left, read) || evaluateFilter(node.right, read);
    case 'not':
      return !evaluateFilter(node.operand, read);
    case 'in': {
      const actual = read(node.field);
      return node.values.some(function matchesOne(value) {
        return equals(actual, value);
      });
    }
    default:
      return compare(read(node.field), node.op, node.value);
  }
}
