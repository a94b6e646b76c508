/**
 * Which attributes `filter` and `search` accept on users (listUsers parameter descriptions), and
 * the lazy accessor the evaluator reads a person through: only the attributes an expression names
 * are computed, so a search over 10,000 people does not build 10,000 whole users.
 */
import type { Person } from '../company/types.js';
import type { Directory } from './directory.js';
import {
  comparisons,
  type EvaluateOptions,
  type Expression,
  ExpressionError,
  parseExpression,
} from './expression.js';
import { oktaUserId } from './ids.js';
import type { Profile } from './user-profile.js';
import { type Lifecycle, oktaTime } from './user-status.js';

const INSTANTS = new Set(['created', 'activated', 'statusChanged', 'lastUpdated', 'lastLogin']);
const FILTER_ATTRIBUTES = new Set([
  'status',
  'lastUpdated',
  'id',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
]);
const SEARCH_TOP_LEVEL = new Set([
  'id',
  'status',
  'created',
  'activated',
  'statusChanged',
  'lastUpdated',
  'type.id',
]);
const CONTAINS_ATTRIBUTES = new Set([
  'profile.firstName',
  'profile.lastName',
  'profile.email',
  'profile.login',
]);

export const FILTER_OPTIONS: EvaluateOptions = { caseInsensitive: false, instants: INSTANTS };
export const SEARCH_OPTIONS: EvaluateOptions = { caseInsensitive: true, instants: INSTANTS };

/** Parses a listUsers `filter`: `eq` only, plus gt/ge/lt/le on lastUpdated. */
export function parseUserFilter(text: string): Expression {
  const expression = parseExpression(text);
  for (const { path, op } of comparisons(expression)) {
    if (!FILTER_ATTRIBUTES.has(path)) throw new ExpressionError(`cannot filter on ${path}`);
    const inequality = ['gt', 'ge', 'lt', 'le'].includes(op) && path === 'lastUpdated';
    if (op !== 'eq' && !inequality) throw new ExpressionError(`operator ${op} on ${path}`);
  }
  return expression;
}

/** Parses a listUsers `search`: profile attributes and top-level properties, no `ne`. */
export function parseUserSearch(text: string, directory: Directory): Expression {
  const expression = parseExpression(text);
  const known = profileAttributes(directory);
  for (const { path, op } of comparisons(expression)) {
    const isProfile = path.startsWith('profile.') && known.has(path.slice(8));
    if (!isProfile && !SEARCH_TOP_LEVEL.has(path))
      throw new ExpressionError(`cannot search on ${path}`);
    if (op === 'ne' || op === 'ew') throw new ExpressionError(`operator ${op} is not supported`);
    if (op === 'co' && !CONTAINS_ATTRIBUTES.has(path))
      throw new ExpressionError(`operator co on ${path}`);
  }
  return expression;
}

/** Base profile attributes (spec `UserSchemaBaseProperties`) and the projected custom ones. */
export function profileAttributes(directory: Directory): Set<string> {
  const sample = directory.company.people[0];
  const names = sample ? Object.keys(directory.profile(sample)) : [];
  return new Set([...names, ...directory.customAttributes.map((a) => a.name)]);
}

/** Reads a user's attributes by path, computing the profile and lifecycle only when asked. */
export function userAccessor(directory: Directory, person: Person): (path: string) => unknown {
  let profile: Profile | null = null;
  let times: Lifecycle | null = null;
  const life = () => (times ??= directory.lifecycle(person));
  const at = (ms: number | null) => (ms === null ? null : oktaTime(ms));
  return function read(path) {
    if (path.startsWith('profile.')) {
      profile ??= directory.profile(person);
      return profile[path.slice(8)];
    }
    switch (path) {
      case 'id':
        return oktaUserId(person.id);
      case 'status':
        return life().status;
      case 'type.id':
        return directory.userTypeId;
      case 'created':
      case 'activated':
      case 'statusChanged':
      case 'lastUpdated':
      case 'lastLogin':
        return at(life()[path]);
      default:
        return undefined;
    }
  };
}
