/**
 * listGroups `filter` (id, type, lastUpdated, lastMembershipUpdated; `eq`, and gt/ge/lt/le on the
 * dates) and `search` (those plus created and profile.name/description; eq, sw, and co on the
 * profile), as the spec's parameter descriptions list them.
 */
import {
  comparisons,
  type EvaluateOptions,
  type Expression,
  ExpressionError,
  parseExpression,
} from './expression.js';
import type { GroupEntry } from './groups.js';

const INSTANTS = new Set(['created', 'lastUpdated', 'lastMembershipUpdated']);
const FILTER_ATTRIBUTES = new Set(['id', 'type', 'lastUpdated', 'lastMembershipUpdated']);
const SEARCH_ATTRIBUTES = new Set([
  ...FILTER_ATTRIBUTES,
  'created',
  'profile.name',
  'profile.description',
]);

export const GROUP_FILTER_OPTIONS: EvaluateOptions = { caseInsensitive: false, instants: INSTANTS };
export const GROUP_SEARCH_OPTIONS: EvaluateOptions = { caseInsensitive: true, instants: INSTANTS };

export function parseGroupExpression(text: string, mode: 'filter' | 'search'): Expression {
  const expression = parseExpression(text);
  for (const { path, op } of comparisons(expression)) {
    const allowed = mode === 'filter' ? FILTER_ATTRIBUTES : SEARCH_ATTRIBUTES;
    if (!allowed.has(path)) throw new ExpressionError(`cannot ${mode} on ${path}`);
    const inequality = ['gt', 'ge', 'lt', 'le'].includes(op) && INSTANTS.has(path);
    const ok =
      op === 'eq' ||
      inequality ||
      (mode === 'search' && (op === 'sw' || (op === 'co' && path.startsWith('profile.'))));
    if (!ok) throw new ExpressionError(`operator ${op} on ${path}`);
  }
  return expression;
}

export function groupAccessor(group: GroupEntry): (path: string) => unknown {
  return function read(path) {
    switch (path) {
      case 'profile.name':
        return group.name;
      case 'profile.description':
        return group.description;
      case 'id':
      case 'type':
      case 'created':
      case 'lastUpdated':
      case 'lastMembershipUpdated':
        return group[path];
      default:
        return undefined;
    }
  };
}
