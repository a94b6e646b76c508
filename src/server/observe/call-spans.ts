/**
 * A trace span per provider call (`hrgraph.provider_call`, kind CLIENT), under whatever span is
 * active where the call was made: the loader batch's (src/loaders/executor.ts), itself under the
 * GraphQL operation's. Attributes: account (the operator's own name for it, from the config or
 * the store: no personal data), provider, operation, counts of fields and ids, status, retries,
 * outcome. Never a URL, a header or a value.
 */
import { context, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { CallObserver } from '../../http/index.js';
import { providerLabel } from './label-values.js';

export function callSpanObserver(tracer: Tracer): CallObserver {
  return {
    callStarted(call) {
      const span = tracer.startSpan(
        'hrgraph.provider_call',
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'hrgraph.account': call.accountId,
            'hrgraph.provider': providerLabel(call.operation),
            'hrgraph.operation': call.operation,
            'http.request.method': call.method,
            'hrgraph.fields': call.fields,
            'hrgraph.ids': call.ids,
          },
        },
        context.active(),
      );
      return {
        ended(end) {
          span.setAttributes({
            'hrgraph.retries': end.retries,
            'hrgraph.outcome': end.outcome,
            'hrgraph.circuit': end.circuit,
            ...(end.status === null ? {} : { 'http.response.status_code': end.status }),
            ...(end.errorCode ? { 'hrgraph.error_code': end.errorCode } : {}),
          });
          if (end.outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
        refused(cause, circuit) {
          span.setAttributes({ 'hrgraph.refused': cause, 'hrgraph.circuit': circuit });
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
  };
}
