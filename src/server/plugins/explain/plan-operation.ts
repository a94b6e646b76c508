/**
 * Explain: the provider calls an operation would make, per account, before any is made. It walks
 * the operation as the resolvers would and asks the loaders' own planning for each place that
 * calls (src/loaders/explain/): the lists with their page, manager and direct-report reads, the
 * lookups by id (`node`, `nodes`, `employee`), and the lookups an account keeps in the shared
 * cache (free when cached). What it does not plan yet (history rows, time off, a company's
 * details) is said so, as a part with no upper bound: never a made-up number.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import type { LookupName, ProviderAdapter } from '../../../core/contract/index.js';
import { isAccountId } from '../../../core/ids.js';
import { planIds } from '../../../loaders/explain/ids-plan.js';
import { planPage } from '../../../loaders/explain/page-plan.js';
import {
  type CallBound,
  type PlanAssumptions,
  type PlanPart,
  sumBounds,
} from '../../../loaders/explain/types.js';
import type { LookupCache } from '../../../loaders/index.js';
import { orgIndexName } from '../../../loaders/org-index.js';
import { keysOf } from '../../../loaders/request-state.js';
import type { EmployeeFieldRequest, EmployeeSelection } from '../../../loaders/types.js';
import { toProviderQuery } from '../../../schema/employee/employee-filter.js';
import { fromGlobalId } from '../../../schema/global-id.js';
import {
  employeeFieldsOfConnection,
  employeeSelectionOfConnection,
  employeeSelectionOfObject,
  managerSelectionOfConnection,
} from '../../../schema/lookahead.js';

export interface OperationPlan {
  /** Every account's calls together. */
  readonly calls: CallBound;
  /** Per account. */
  readonly accounts: readonly { readonly accountId: string; readonly calls: CallBound }[];
  readonly parts: readonly PlanPart[];
}

export interface PlanOperationOptions {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** Coerced variables (graphql's `getVariableValues`). */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName?: string | null | undefined;
  /** The accounts the caller may read. */
  readonly adapters: readonly ProviderAdapter[];
  /** The server's lookup cache, asked only whether it holds a lookup. */
  readonly lookupCache?: LookupCache | undefined;
  /** `first`/`last` when neither is given. @default 50 */
  readonly defaultPageSize?: number;
  readonly assume?: PlanAssumptions;
}

/** Employee fields whose calls explain does not plan yet: each is a part with no upper bound. */
const unplannedEmployeeFields = new Set([
  'employments',
  'compensations',
  'statusHistory',
  'timeOff',
  'timeOffBalances',
  'company',
]);
/** Account fields answered from the adapter alone. */
const freeAccountFields = new Set([
  'id',
  'provider',
  'authKind',
  'status',
  'statusReason',
  'lockedUntil',
  'capabilities',
  '__typename',
]);

interface Walk {
  readonly options: PlanOperationOptions;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly parts: PlanPart[];
}

function included(walk: Walk, node: FieldNode | Parameters<typeof getDirectiveValues>[1]) {
  const { variables } = walk.options;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The fields of a selection set, through fragments, honouring @skip/@include. */
function fieldsIn(walk: Walk, set: SelectionSetNode | undefined, seen = new Set<string>()) {
  const out: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      out.push(...fieldsIn(walk, selection.selectionSet, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      out.push(...fieldsIn(walk, walk.fragments[selection.name.value]?.selectionSet, seen));
    }
  }
  return out;
}

/** What lookahead needs of a resolver's info, for a field the walk reached. */
function infoOf(walk: Walk, field: FieldNode): GraphQLResolveInfo {
  const { schema, variables } = walk.options;
  return {
    schema,
    fieldNodes: [field],
    fragments: walk.fragments,
    variableValues: variables,
  } as unknown as GraphQLResolveInfo;
}

const pathOf = (parent: string, field: FieldNode) =>
  [parent, field.alias?.value ?? field.name.value].filter(Boolean).join('.');

/**
 * A field's arguments, untyped (as lookahead reads them): the schema may come from graphql's
 * other build (CommonJS vs ES module), whose typed coercion refuses the other's types. A value
 * of the wrong type fails validation before any plan is made, so untyped reading suffices.
 */
function argsOf(walk: Walk, field: FieldNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const argument of field.arguments ?? []) {
    out[argument.name.value] = valueFromASTUntyped(
      argument.value,
      walk.options.variables as Record<string, unknown>,
    );
  }
  return out;
}

function unplanned(walk: Walk, path: string, accountId: string, what: string) {
  walk.parts.push({
    path,
    accountId,
    operation: what,
    calls: { min: 0, max: null },
    reason: `explain does not plan ${what} yet`,
  });
}

function lookupParts(
  walk: Walk,
  path: string,
  adapter: ProviderAdapter,
  names: Iterable<LookupName>,
) {
  for (const name of new Set(names)) {
    if (walk.options.lookupCache?.has?.(adapter, name) === true) continue;
    walk.parts.push({
      path,
      accountId: adapter.accountId,
      operation: `lookup ${name}`,
      calls: { min: 0, max: null },
      reason: `the ${name} lookup is not cached: loaded once, at a cost the provider decides`,
    });
  }
}

/** Raw names resolve against a lookup: known only when it is cached (else left out, and said). */
function requestOf(
  walk: Walk,
  path: string,
  adapter: ProviderAdapter,
  selection: EmployeeSelection,
): EmployeeFieldRequest {
  const { rawFields } = adapter.employees;
  const raw = new Set(selection.defaultRaw ? rawFields.defaults : []);
  if (selection.rawNames.length > 0) {
    const needs = rawFields.needsFor?.(selection.rawNames) ?? rawFields.needs;
    lookupParts(walk, path, adapter, needs);
    unplanned(walk, path, adapter.accountId, 'fields named in customFields/remoteData');
  }
  return { unified: selection.unified, raw: [...raw] };
}

function planList(walk: Walk, path: string, adapter: ProviderAdapter, field: FieldNode) {
  const args = argsOf(walk, field) as Record<string, never>;
  const query = toProviderQuery(adapter.accountId, adapter.capabilities, args.filter, args.orderBy);
  if (query.matchesNothing) return;
  const info = infoOf(walk, field);
  const fields = requestOf(walk, path, adapter, employeeSelectionOfConnection(info));
  const managerSelection = managerSelectionOfConnection(info);
  const managerFields = requestOf(walk, `${path}.nodes.manager`, adapter, managerSelection);
  const named = query.filter.ids?.filter(adapter.employees.isRemoteId).length;
  if (named === 0) return;
  const asked = (args.first ?? args.last ?? walk.options.defaultPageSize ?? 50) as number;
  const reports = reportsField(walk, field);
  const reportFields = reports ? employeeFieldsOfConnection(infoOf(walk, reports)) : null;
  const { list } = adapter.employees;
  lookupParts(walk, path, adapter, [
    ...(list.needs?.(query) ?? []),
    ...keysOf(adapter, fields).lookups,
    ...keysOf(adapter, managerFields).lookups,
    ...keysOf(adapter, { unified: reportFields ?? [], raw: [] }).lookups,
  ]);
  walk.parts.push(
    ...planPage({
      adapter,
      query,
      fields,
      managerFields:
        managerSelection.unified.length + managerFields.raw.length > 0 ? managerFields : null,
      reportFields,
      orgIndexCached: walk.options.lookupCache?.has?.(adapter, orgIndexName) === true,
      path,
      maxRecords: Math.min(asked, named ?? asked),
      limit: asked,
      ...(walk.options.assume ? { assume: walk.options.assume } : {}),
    }),
  );
  walkNodes(walk, path, adapter, field);
}

/** The nodes' `directReports`, if selected (one level: deeper ones are not planned yet). */
function reportsField(walk: Walk, connection: FieldNode): FieldNode | undefined {
  for (const set of nodeSets(walk, connection)) {
    for (const field of fieldsIn(walk, set)) if (field.name.value === 'directReports') return field;
  }
  return undefined;
}

function nodeSets(walk: Walk, connection: FieldNode): (SelectionSetNode | undefined)[] {
  const sets: (SelectionSetNode | undefined)[] = [];
  for (const field of fieldsIn(walk, connection.selectionSet)) {
    if (field.name.value === 'nodes') sets.push(field.selectionSet);
    if (field.name.value === 'edges')
      for (const inner of fieldsIn(walk, field.selectionSet))
        if (inner.name.value === 'node') sets.push(inner.selectionSet);
  }
  return sets;
}

/** Fields under a list's nodes that call on their own: planned as unplanned, never as free. */
function walkNodes(walk: Walk, path: string, adapter: ProviderAdapter, connection: FieldNode) {
  for (const set of nodeSets(walk, connection))
    walkEmployee(walk, `${path}.nodes`, adapter, set, 'page');
}

/**
 * Where an employee was reached: on a page (its manager and direct reports planned with the
 * page), below it (a manager's or a report's own), or by id (only the record's own fields).
 */
type Reached = 'page' | 'below' | 'by id';

function walkEmployee(
  walk: Walk,
  path: string,
  adapter: ProviderAdapter,
  set: SelectionSetNode | undefined,
  reached: Reached,
) {
  for (const field of fieldsIn(walk, set)) {
    const name = field.name.value;
    const at = pathOf(path, field);
    const planned = reached === 'page';
    if (unplannedEmployeeFields.has(name))
      unplanned(walk, at, adapter.accountId, `Employee.${name}`);
    else if (name === 'account') walkAccount(walk, at, adapter, field.selectionSet);
    else if (name === 'manager' && planned)
      walkEmployee(walk, at, adapter, field.selectionSet, 'below');
    else if (name === 'manager' && calls(walk, field))
      unplanned(
        walk,
        at,
        adapter.accountId,
        `the fields of a manager ${reached === 'by id' ? 'of an employee read by id' : 'below the first level'}`,
      );
    else if (name === 'directReports' && !planned)
      unplanned(walk, at, adapter.accountId, 'directReports below the first level of a list');
    else if (name === 'directReports')
      for (const inner of nodeSets(walk, field))
        walkEmployee(walk, `${at}.nodes`, adapter, inner, 'below');
  }
}

/** Whether a selection on an employee asks anything beyond its id (which its reference holds). */
function calls(walk: Walk, field: FieldNode) {
  return fieldsIn(walk, field.selectionSet).some(
    (inner) => !['id', 'remoteId', '__typename'].includes(inner.name.value),
  );
}

function walkAccount(
  walk: Walk,
  path: string,
  adapter: ProviderAdapter,
  set: SelectionSetNode | undefined,
) {
  for (const field of fieldsIn(walk, set)) {
    const name = field.name.value;
    const at = pathOf(path, field);
    if (freeAccountFields.has(name)) continue;
    if (name === 'employees') planList(walk, at, adapter, field);
    else if (name === 'groups' && adapter.lookups.groups)
      lookupParts(walk, at, adapter, adapter.lookups.groups.needs);
    else if (name === 'locations' && adapter.lookups.locations)
      lookupParts(walk, at, adapter, adapter.lookups.locations.needs);
    else if (name === 'customFields' && adapter.capabilities.customFields)
      lookupParts(walk, at, adapter, adapter.employees.rawFields.needs);
    else if (name === 'groups' || name === 'locations' || name === 'customFields') continue;
    else unplanned(walk, at, adapter.accountId, `Account.${name}`);
  }
}

/** `node`, `nodes`, `employee`: employees by id, one existence-and-fields batch per account. */
function planById(walk: Walk, path: string, field: FieldNode, ids: readonly unknown[]) {
  const byAccount = new Map<string, string[]>();
  for (const id of ids) {
    try {
      const decoded = fromGlobalId(String(id));
      if (decoded.typename !== 'Employee') {
        unplanned(walk, path, decoded.accountId, `a ${decoded.typename} by id`);
        continue;
      }
      byAccount.set(decoded.accountId, [
        ...(byAccount.get(decoded.accountId) ?? []),
        decoded.remoteId,
      ]);
    } catch {
      // An id that does not decode is a BAD_USER_INPUT at its field, at no call.
    }
  }
  const info = infoOf(walk, field);
  for (const [accountId, remoteIds] of byAccount) {
    const adapter = walk.options.adapters.find((a) => a.accountId === accountId);
    if (!adapter) continue;
    const request = requestOf(walk, path, adapter, employeeSelectionOfObject(info));
    lookupParts(walk, path, adapter, keysOf(adapter, request).lookups);
    walk.parts.push(...planIds({ path, adapter, ids: remoteIds, fields: request }));
    walkEmployee(walk, path, adapter, field.selectionSet, 'by id');
  }
}

function accountFor(walk: Walk, id: unknown): ProviderAdapter | undefined {
  const { adapters } = walk.options;
  if (id == null) return adapters.length === 1 ? adapters[0] : undefined;
  return isAccountId(String(id)) ? adapters.find((a) => a.accountId === String(id)) : undefined;
}

export function planOperation(options: PlanOperationOptions): OperationPlan {
  const { schema, document } = options;
  const operation = getOperationAST(
    document,
    options.operationName,
  ) as OperationDefinitionNode | null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const walk: Walk = { options, fragments, parts: [] };
  const query = schema.getQueryType();
  if (operation?.operation === 'query' && query) {
    for (const field of fieldsIn(walk, operation.selectionSet)) {
      const name = field.name.value;
      const path = pathOf('', field);
      const args = argsOf(walk, field);
      if (name === 'employees') {
        const adapter = accountFor(walk, args.account);
        // An unknown account is a BAD_USER_INPUT at the field, at no call.
        if (adapter) planList(walk, path, adapter, field);
      } else if (name === 'account') {
        const adapter = accountFor(walk, args.id);
        if (adapter) walkAccount(walk, path, adapter, field.selectionSet);
      } else if (name === 'accounts') {
        for (const adapter of options.adapters)
          walkAccount(walk, path, adapter, field.selectionSet);
      } else if (name === 'node' || name === 'employee') {
        planById(walk, path, field, [args.id]);
      } else if (name === 'nodes') {
        planById(walk, path, field, (args.ids as unknown[] | undefined) ?? []);
      } else if (name === '_entities') {
        const representations = (args.representations as { id?: unknown }[] | undefined) ?? [];
        planById(
          walk,
          path,
          field,
          representations.map((r) => r.id),
        );
      } else if (name !== '__typename' && name !== '__schema' && name !== '__type') {
        const type = getNamedType(query.getFields()[name]?.type);
        if (!type || !isObjectType(type) || name === '_service') continue;
        unplanned(walk, path, '', `Query.${name}`);
      }
    }
  }
  return summarise(walk.parts);
}

function summarise(parts: readonly PlanPart[]): OperationPlan {
  const byAccount = new Map<string, PlanPart[]>();
  for (const part of parts)
    byAccount.set(part.accountId, [...(byAccount.get(part.accountId) ?? []), part]);
  return {
    calls: sumBounds(parts.map((p) => p.calls)),
    accounts: [...byAccount].map(([accountId, own]) => ({
      accountId,
      calls: sumBounds(own.map((p) => p.calls)),
    })),
    parts,
  };
}
