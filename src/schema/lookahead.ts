/**
 * Lookahead: which unified EmployeeFields the selection under a resolver needs on the Employee
 * objects it returns, so a list, node or entity call can ask for them in the same batch instead of
 * one follow-up load per field. Follows fragment spreads and inline fragments whose type condition
 * applies to Employee (Employee, Node, _Entity), honours @skip/@include, ignores aliases (the
 * field name decides), and for connections descends into `edges.node` and `nodes`.
 *
 * Raw and custom fields are not collected: their names need the provider's field catalogue,
 * which is async; their own loaders plan them.
 */
import {
  type FieldNode,
  type GraphQLAbstractType,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { EmployeeField } from '../providers/model.js';
import { demandsOf } from './employee/field-demands.js';

type Applies = (typeCondition: string | undefined) => boolean;

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]) {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/** The fields selected in `set` on an object of a type for which `applies` holds. */
function fieldsOf(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  applies: Applies,
  seen: Set<string> = new Set(),
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value)) {
        out.push(...fieldsOf(info, selection.selectionSet, applies, seen));
      }
    } else {
      const name = selection.name.value;
      const fragment = info.fragments[name];
      if (!fragment || seen.has(name) || !applies(fragment.typeCondition.name.value)) continue;
      seen.add(name);
      out.push(...fieldsOf(info, fragment.selectionSet, applies, seen));
    }
  }
  return out;
}

function appliesTo(info: GraphQLResolveInfo, typename: string): Applies {
  const target = info.schema.getType(typename);
  return function typeConditionApplies(condition) {
    if (condition === undefined || condition === typename) return true;
    const type = info.schema.getType(condition);
    // The schema's own isSubType, not graphql's isAbstractType: the schema may come from the
    // other build of graphql (CommonJS vs ES module), and instanceof checks across builds fail.
    return (
      !!type &&
      !!target &&
      info.schema.isSubType(type as GraphQLAbstractType, target as GraphQLObjectType)
    );
  };
}

const anyType: Applies = () => true;

function demandsIn(info: GraphQLResolveInfo, sets: (SelectionSetNode | undefined)[]) {
  const applies = appliesTo(info, 'Employee');
  const fields = new Set<EmployeeField>();
  for (const set of sets) {
    for (const field of fieldsOf(info, set, applies)) {
      for (const demand of demandsOf(field.name.value)) fields.add(demand);
    }
  }
  return [...fields];
}

/** For fields returning Employee (or Node / _Entity that may be one). */
export function employeeFieldsOfObject(info: GraphQLResolveInfo): EmployeeField[] {
  return demandsIn(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
  );
}

/** For connection fields of Employee: looks under `edges { node }` and `nodes`. */
export function employeeFieldsOfConnection(info: GraphQLResolveInfo): EmployeeField[] {
  const sets: (SelectionSetNode | undefined)[] = [];
  for (const root of info.fieldNodes) {
    for (const field of fieldsOf(info, root.selectionSet, anyType)) {
      if (field.name.value === 'nodes') sets.push(field.selectionSet);
      if (field.name.value !== 'edges') continue;
      for (const inner of fieldsOf(info, field.selectionSet, anyType)) {
        if (inner.name.value === 'node') sets.push(inner.selectionSet);
      }
    }
  }
  return demandsIn(info, sets);
}
