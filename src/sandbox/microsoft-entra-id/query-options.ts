/**
 * OData query options on user reads: `$select` (checked against the `user` type, with the
 * tenant's directory extensions), `$expand=manager($select=…)`, `$top` (1 to 999) and the
 * advanced-query pair (`ConsistencyLevel: eventual` with `$count=true`). A bad option is a 400
 * with Graph's wording; the route turns a `QueryError` into the envelope.
 */
import type { Directory, GraphObject } from './directory.js';
import {
  COLLECTION_PROPERTIES,
  DEFAULT_USER_SELECT,
  SINGLE_USER_ONLY,
  USER_PROPERTIES,
} from './user-properties.js';

export class QueryError extends Error {
  constructor(
    readonly status: 400 | 501,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_TOP = 999;
export const DEFAULT_TOP = 100;

export interface UserQuery {
  readonly select: readonly string[];
  /** The manager's `$select`, or null when the manager is not expanded. */
  readonly expandManager: readonly string[] | null;
  readonly advanced: boolean;
  readonly count: boolean;
}

function parseSelect(
  text: string | null,
  directory: Directory,
  collection: boolean,
): readonly string[] {
  if (text === null) return DEFAULT_USER_SELECT;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const extensions = new Set(directory.extensions.map((e) => e.name));
  for (const name of names) {
    if (
      !USER_PROPERTIES.has(name) &&
      !extensions.has(name) &&
      !/^extension_[0-9a-f]{32}_\w+$/.test(name)
    ) {
      throw new QueryError(
        400,
        'Request_BadRequest',
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
      );
    }
    if (collection && SINGLE_USER_ONLY.has(name)) {
      throw new QueryError(
        501,
        'NotImplemented',
        `This operation target is not yet supported. Property '${name}' can only be selected on a single user.`,
      );
    }
  }
  return names.length === 0 ? DEFAULT_USER_SELECT : names;
}

function parseExpand(text: string | null, directory: Directory): readonly string[] | null {
  if (text === null) return null;
  const match = /^\s*manager(?:\(\s*\$select=([^)]*)\))?\s*$/.exec(text);
  if (!match) {
    throw new QueryError(
      400,
      'Request_BadRequest',
      `Parsing OData Select and Expand failed: Could not find a property named '${text.split('(')[0]}' on type 'microsoft.graph.user'.`,
    );
  }
  return match[1] === undefined ? DEFAULT_USER_SELECT : parseSelect(match[1], directory, false);
}

export function userQuery(
  params: URLSearchParams,
  headers: { consistencyLevel: string | undefined },
  directory: Directory,
  collection: boolean,
): UserQuery {
  const count = params.get('$count') === 'true';
  const advanced = count && headers.consistencyLevel?.toLowerCase() === 'eventual';
  if (count && !advanced) {
    throw new QueryError(
      400,
      'Request_BadRequest',
      '$count is not currently supported without the ConsistencyLevel header set to eventual.',
    );
  }
  return {
    select: parseSelect(params.get('$select'), directory, collection),
    expandManager: parseExpand(params.get('$expand'), directory),
    advanced,
    count,
  };
}

export function parseTop(text: string | null): number {
  if (text === null) return DEFAULT_TOP;
  const top = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(top >= 1 && top <= MAX_TOP)) {
    throw new QueryError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${text}'. Must be between 1 and ${MAX_TOP} inclusive.`,
    );
  }
  return top;
}

/** A user as `$select` shapes it: exactly the properties named, null (or []) where unset. */
export function project(user: GraphObject, select: readonly string[]): GraphObject {
  const out: GraphObject = {};
  for (const name of select) {
    if (name in user) out[name] = user[name];
    else if (name.startsWith('extension_')) continue;
    else out[name] = COLLECTION_PROPERTIES.has(name) ? [] : null;
  }
  return out;
}
