/**
 * The invariant of issue 14 over one GraphQL result: every value is one a reply held
 * (normalised as the provider documents) or null with a coded error at its path or above; never a
 * 5xx, never an uncoded or INTERNAL_SERVER_ERROR error. The walk follows the schema's types, so
 * it knows an enum from a text and a list from a scalar; Employees are checked field by field
 * (check-employee.ts), everything else for provenance.
 */
import type { GraphQLField, GraphQLOutputType } from 'graphql';
import type { EmployeeCatalog } from '../../../src/core/contract/index.js';
import { clientErrorCodes, ServerErrorCode } from '../../../src/core/errors.js';
import { schema } from '../../../src/schema/index.js';
import type { GraphQLResult } from '../../support/hrgraph.js';
import { checkEmployee } from './check-employee.js';
import { heldSomewhere } from './compare.js';
import type { Oracle } from './oracle.js';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isLeafType,
  isListType,
  isObjectType,
} from './schema-types.js';

export type Path = readonly (string | number)[];

/** A lookup by id the query made: null there is right when no reply held the employee. */
export interface AskedEmployee {
  readonly path: Path;
  readonly account: string;
  readonly id: string;
}

export interface Walk {
  readonly oracle: Oracle;
  catalog(account: string): EmployeeCatalog | undefined;
  readonly asked: readonly AskedEmployee[];
  covered(path: Path): boolean;
  fail(path: Path, what: string): void;
  visit(value: unknown, type: GraphQLOutputType, path: Path): void;
}

/** Values hrgraph makes itself: cursors, and counts of what it lists from lookups. */
const computed = new Set(['cursor', 'startCursor', 'endCursor', 'totalCount']);

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((s, i) => s === b[i]);

export function checkResult(
  result: GraphQLResult,
  context: Pick<Walk, 'oracle' | 'catalog' | 'asked'>,
): string[] {
  const violations: string[] = [];
  const errorPaths = (result.errors ?? []).map((e) => e.path ?? []);
  if (result.status >= 500) violations.push(`HTTP ${result.status}`);
  for (const error of result.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !clientErrorCodes.includes(code)) {
      violations.push(
        `${(error.path ?? []).join('.')}: an error without a code (${error.message})`,
      );
    } else if (
      code === ServerErrorCode.GRAPHQL_VALIDATION_FAILED ||
      code === ServerErrorCode.GRAPHQL_PARSE_FAILED
    ) {
      violations.push(`the kit's query is not valid: ${error.message}`);
    } else if (code === ServerErrorCode.INTERNAL_SERVER_ERROR) {
      violations.push(`${(error.path ?? []).join('.')}: INTERNAL_SERVER_ERROR`);
    }
  }
  const walk: Walk = {
    ...context,
    covered: (path) =>
      errorPaths.some((at) => at.length <= path.length && at.every((s, i) => s === path[i])),
    fail: (path, what) => violations.push(`${path.join('.')}: ${what}`),
    visit(value, type, path) {
      const nullable = getNullableType(type);
      if (value === null || value === undefined) {
        if (walk.covered(path) || isLeafType(nullable)) return;
        const asked = walk.asked.find((a) => samePath(a.path, path));
        if (asked && walk.oracle.records(asked.account, asked.id).length === 0) return;
        walk.fail(path, 'a null without an error');
        return;
      }
      if (isListType(nullable)) {
        (value as unknown[]).forEach((item, i) => {
          walk.visit(item, nullable.ofType, [...path, i]);
        });
        return;
      }
      const named = getNamedType(nullable);
      if (isLeafType(named)) {
        if (isEnumType(named) || named.name === 'ID' || named.name === 'JSON') return;
        const field = String(path[path.length - 1]);
        // An employee count is the provider's; a count of groups or locations is hrgraph's own.
        if (
          computed.has(field) &&
          !(field === 'totalCount' && path[path.length - 2] === 'employees')
        )
          return;
        if (!heldSomewhere(walk.oracle, value)) walk.fail(path, `a value no reply held`);
        return;
      }
      const object = value as Record<string, unknown>;
      const typename = typeof object.__typename === 'string' ? object.__typename : named.name;
      const concrete = schema.getType(typename);
      if (!isObjectType(concrete)) return;
      if (typename === 'Employee') {
        checkEmployee(walk, object, path);
        return;
      }
      visitFields(walk, object, concrete.getFields(), path);
    },
  };
  walk.visit(result.data ?? null, schema.getQueryType()!, []);
  return violations;
}

export function visitFields(
  walk: Walk,
  object: Record<string, unknown>,
  fields: Record<string, GraphQLField<unknown, unknown>>,
  path: Path,
  skip: (name: string) => boolean = () => false,
): void {
  for (const [name, value] of Object.entries(object)) {
    if (name === '__typename' || skip(name)) continue;
    const field = fields[name];
    if (field) walk.visit(value, field.type, [...path, name]);
  }
}
