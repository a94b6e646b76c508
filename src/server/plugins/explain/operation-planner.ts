/**
 * One plan per request, however many plugins ask (explain, budgets): computed on first use from
 * the execution's own arguments (the validated document, the caller's accounts) and kept in a
 * WeakMap keyed by the request's context, so nothing outlives the request.
 */
import {
  type ExecutionArgs,
  getOperationAST,
  type OperationDefinitionNode,
  valueFromASTUntyped,
} from 'graphql';
import type { PlanAssumptions } from '../../../loaders/explain/types.js';
import type { LookupCache } from '../../../loaders/index.js';
import type { HrContext } from '../../../schema/context.js';
import { type OperationPlan, planOperation } from './plan-operation.js';

export interface OperationPlannerOptions {
  /** The server's lookup cache: a cached lookup is planned as free. @default none: every lookup a bound */
  readonly lookupCache?: LookupCache;
}

export type OperationPlanner = (args: ExecutionArgs, assume?: PlanAssumptions) => OperationPlan;

export function createOperationPlanner(options: OperationPlannerOptions = {}): OperationPlanner {
  const plans = new WeakMap<object, OperationPlan>();
  return function planOf(args, assume) {
    const ctx = args.contextValue as HrContext;
    const known = plans.get(ctx);
    if (known) return known;
    const operation = getOperationAST(args.document, args.operationName);
    const plan = planOperation({
      schema: args.schema,
      document: args.document,
      variables: variablesOf(operation, args.variableValues ?? {}),
      operationName: args.operationName,
      adapters: ctx.loaders.accounts(),
      lookupCache: options.lookupCache,
      defaultPageSize: ctx.limits.defaultSize,
      ...(assume ? { assume } : {}),
    });
    plans.set(ctx, plan);
    return plan;
  };
}

/**
 * The variables as given, with the operation's defaults for those left out. Untyped: the
 * schema may be graphql's other build, whose coercion refuses this one's types; execution
 * coerces (and refuses) them itself.
 */
function variablesOf(
  operation: OperationDefinitionNode | null | undefined,
  given: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...given };
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (out[name] === undefined && definition.defaultValue) {
      out[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return out;
}
