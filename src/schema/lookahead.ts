/**
 * Lookahead: which unified EmployeeFields the selection under a resolver needs on the Employee
 * objects it returns, so a list, node or entity call can ask for them in the same batch instead of
 * one follow-up load per field. Follows fragment spreads and inline fragments whose type condition
 * applies to Employee (Employee, Node, _Entity), honours @skip/@include, ignores aliases (the
 * field name decides), and for connections descends into `edges.node` and `nodes`.
 *
 * Provider fields named in `customFields(names:)` and `remoteData(fields:)` are collected by name;
 * their keys come from the provider's field catalogue, which the loaders' `fieldRequest` consults.
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
  valueFromASTUntyped,
} from 'graphql';
import type { EmployeeField } from '../core/model.js';
import type { EmployeeSelection } from '../loaders/types.js';
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

export type { EmployeeSelection };

const rawArguments: Readonly<Record<string, string>> = {
  customFields: 'names',
  remoteData: 'fields',
};

function namesOf(info: GraphQLResolveInfo, field: FieldNode): string[] {
  const argument = field.arguments?.find((a) => a.name.value === rawArguments[field.name.value]);
  if (!argument) return [];
  const value: unknown = valueFromASTUntyped(argument.value, info.variableValues);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function selectionIn(
  info: GraphQLResolveInfo,
  sets: (SelectionSetNode | undefined)[],
): EmployeeSelection {
  const applies = appliesTo(info, 'Employee');
  const unified = new Set<EmployeeField>();
  const rawNames = new Set<string>();
  let defaultRaw = false;
  for (const set of sets) {
    for (const field of fieldsOf(info, set, applies)) {
      for (const demand of demandsOf(field.name.value)) unified.add(demand);
      if (field.name.value in rawArguments)
        for (const name of namesOf(info, field)) rawNames.add(name);
      if (field.name.value === 'remoteData') defaultRaw = true;
    }
  }
  return { unified: [...unified], rawNames: [...rawNames], defaultRaw };
}

/** For fields returning Employee (or Node / _Entity that may be one). */
export function employeeSelectionOfObject(info: GraphQLResolveInfo): EmployeeSelection {
  return selectionIn(
    info,
    info.fieldNodes.map((node) => node.selectionSet),
  );
}

/** The selection sets of a connection's nodes: under `edges { node }` and `nodes`. */
function nodeSets(info: GraphQLResolveInfo): (SelectionSetNode | undefined)[] {
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
  return sets;
}

/** For connection fields of Employee: looks under `edges { node }` and `nodes`. */
export function employeeSelectionOfConnection(info: GraphQLResolveInfo): EmployeeSelection {
  return selectionIn(info, nodeSets(info));
}

/**
 * What the nodes' managers are asked for: the selections under `manager { … }`, and under their
 * own `manager { … }` to any depth, merged. A page whose managers are on it can carry these too.
 */
export function managerSelectionOfConnection(info: GraphQLResolveInfo): EmployeeSelection {
  const applies = appliesTo(info, 'Employee');
  const managers: SelectionSetNode[] = [];
  for (let level = nodeSets(info); level.length > 0; ) {
    const next: SelectionSetNode[] = [];
    for (const set of level) {
      for (const field of fieldsOf(info, set, applies)) {
        if (field.name.value === 'manager' && field.selectionSet) next.push(field.selectionSet);
      }
    }
    managers.push(...next);
    level = next;
  }
  return selectionIn(info, managers);
}

/** The unified fields only, for callers that plan nothing else. */
export const employeeFieldsOfConnection = (info: GraphQLResolveInfo) =>
  employeeSelectionOfConnection(info).unified;
