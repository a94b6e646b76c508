/**
 * GraphQL metrics on one server's prom-client registry, through yoga's Prometheus plugin:
 * operations by name and type, their duration (histogram), errors by phase, and the HTTP
 * duration of /graphql; plus operations by outcome (success, partial, error), which the plugin
 * does not count. Operation names are bounded (label-values.ts: the first 100 a server sees keep
 * their name, later ones are `other`); no error path, no variables, no document.
 */
import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { type ExecutionResult, getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { Counter, type Registry } from 'prom-client';
import { operationNames } from '../observe/label-values.js';
import { operationNameOf, outcomeOf } from '../observe/outcome.js';

export interface MetricsPluginOptions {
  /** The server's own registry: prom-client's default one is global to the process. */
  readonly registry: Registry;
  /** Operation names that keep a series of their own; later ones count as `other`. @default 100 */
  readonly maxOperationNames?: number;
}

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function useMetrics(options: MetricsPluginOptions): Plugin {
  const { registry, maxOperationNames = 100 } = options;
  const nameOf = operationNames(maxOperationNames);
  const labels = (params: { operationName?: string | undefined; operationType?: string }) => ({
    operationName: nameOf(operationNameOf(params.operationName)),
    operationType: params.operationType ?? 'unknown',
  });
  const outcomes = new Counter({
    name: 'hrgraph_graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (success, partial: data with errors, error: no data).',
    labelNames: ['operationName', 'operationType', 'outcome'] as const,
    registers: [registry],
  });
  const errorCodes = new Counter({
    name: 'hrgraph_graphql_errors_total',
    help: 'Errors in GraphQL responses by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const prometheus = usePrometheus({
    registry,
    endpoint: false,
    labels: { path: false, url: false },
    metrics: {
      // On by default, each labelled with the operation name as the client sent it (unbounded):
      // the execution histogram below says what they would.
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_deprecated_field: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_request: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_request',
          help: 'GraphQL operations executed, by name and type.',
          labelNames: ['operationName', 'operationType'],
        },
        fillLabelsFn: labels,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time to execute a GraphQL operation, in seconds, by name and type.',
          labelNames: ['operationName', 'operationType'],
          buckets: latencyBuckets,
        },
        fillLabelsFn: labels,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'GraphQL responses with errors, by operation and the phase that failed.',
          labelNames: ['operationName', 'operationType', 'phase'],
        },
        fillLabelsFn: (params) => ({ ...labels(params), phase: params.errorPhase ?? 'unknown' }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time to answer an HTTP request at /graphql, in seconds.',
          labelNames: ['method', 'statusCode'],
          buckets: latencyBuckets,
        },
        fillLabelsFn: (_params, { request, response }) => ({
          method: request.method,
          statusCode: response.status,
        }),
      }),
    },
  });
  // Operation name and type, noted at execution for the outcome counted with the result.
  const executed = new WeakMap<Request, ReturnType<typeof labels>>();
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(prometheus);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const operation = getOperationAST(args.document, args.operationName);
      executed.set(
        request,
        labels({
          operationName: args.operationName ?? operation?.name?.value,
          operationType: operation?.operation,
        }),
      );
    },
    onResultProcess({ request, result }) {
      if (isAsyncIterable(result)) return;
      const first = (Array.isArray(result) ? result[0] : result) as ExecutionResult | undefined;
      if (!first) return;
      const { outcome, errorCodes: codes } = outcomeOf(first);
      for (const code of codes) errorCodes.inc({ code });
      const noted = executed.get(request);
      // A request refused before execution (parse, validation, limits) has no operation to name.
      outcomes.inc({
        operationName: noted?.operationName ?? 'none',
        operationType: noted?.operationType ?? 'none',
        outcome,
      });
    },
  };
}
