/**
 * Runs a plan for one account: each planned call through its operation's `run`, each reply
 * checked (reply-checks.ts), merged into the request's store. Calls fail alone: a failed call is
 * an error for the ids it carried, and every other id's data still lands.
 *
 * Each plan is one loader batch, and one trace span (`hrgraph.batch`) that its provider calls'
 * spans hang under. Through OpenTelemetry's API alone: until the server installs a tracer
 * provider (src/server/observe/tracing.ts) the span is the API's no-op one.
 */
import { type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import type { CallContext, PlannedCall, ProviderAdapter } from '../core/contract/index.js';
import type { RemoteId } from '../core/ids.js';
import type { RecordStore } from './record-store.js';
import { badReply, checkRecords } from './reply-checks.js';
import { asError } from './settle.js';

/** The failures of a plan, by the ids whose calls failed. */
export type PlanFailures = Map<RemoteId, Error>;

/** Stores a checked record, with its id under the catalog's id key. */
export function storeRecord(
  store: RecordStore,
  adapter: ProviderAdapter,
  id: RemoteId,
  values: Map<string, unknown>,
) {
  values.set(adapter.employees.idKey, id);
  return store.put(adapter.accountId, id, values);
}

const tracer = trace.getTracer('hrgraph');

export function executePlan(
  adapter: ProviderAdapter,
  plan: readonly PlannedCall[],
  store: RecordStore,
  ctx: CallContext,
): Promise<PlanFailures> {
  return tracer.startActiveSpan('hrgraph.batch', async function tracedPlan(span: Span) {
    if (span.isRecording()) {
      span.setAttributes({
        'hrgraph.account': adapter.accountId,
        'hrgraph.provider': adapter.provider,
        'hrgraph.calls': plan.length,
        'hrgraph.ids': plan.reduce((sum, call) => sum + call.ids.length, 0),
        'hrgraph.fields': plan.reduce((sum, call) => sum + call.fields.length, 0),
      });
    }
    try {
      const failures = await runPlan(adapter, plan, store, ctx);
      if (failures.size > 0) span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('hrgraph.failed_ids', failures.size);
      return failures;
    } finally {
      span.end();
    }
  });
}

async function runPlan(
  adapter: ProviderAdapter,
  plan: readonly PlannedCall[],
  store: RecordStore,
  ctx: CallContext,
): Promise<PlanFailures> {
  const catalog = adapter.employees;
  const operations = new Map(catalog.reads.map((op) => [op.name, op]));
  const failures: PlanFailures = new Map();
  const account = adapter.accountId;

  async function execute(call: PlannedCall) {
    const operation = operations.get(call.operation);
    if (!operation) throw new TypeError(`${adapter.provider} has no read ${call.operation}`);
    const replies = await operation.run(call, ctx);
    const asked = new Set(call.ids);
    const wholeCompany = operation.limits.idsPerCall.kind === 'all';
    const source = { accountId: account, operation: operation.name };
    const records = checkRecords(catalog, source, replies, wholeCompany ? null : asked);
    const answered = new Set<string>();
    for (const record of records) {
      // A read of the whole company answers for everyone; only the ids asked about are kept.
      if (!asked.has(record.id)) continue;
      answered.add(record.id);
      storeRecord(store, adapter, record.id, record.values);
      // A key the call named and the record left out: the provider has no value for it.
      store.putNull(account, record.id, call.fields);
    }
    const proves = operation.provesExistence !== false;
    for (const id of call.ids) {
      if (answered.has(id)) continue;
      if (proves && store.get(account, id as RemoteId)?.exists) {
        // A reply of this request showed the employee: a read by id leaving them out contradicts
        // it, and a null there would be silent. The provider's fault, at that id alone.
        contradicted.set(
          id as RemoteId,
          badReply(source, 'a record it returned before, left out when read by id'),
        );
      } else if (proves) store.markMissing(account, id as RemoteId);
      // A history read leaves out whoever has no rows: that is "no rows", not "no such person".
      else store.putNull(account, id as RemoteId, call.fields);
    }
  }

  const contradicted: PlanFailures = new Map();
  const outcomes = await Promise.allSettled(plan.map(execute));
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') return;
    const error = asError(outcome.reason);
    for (const id of plan[i]!.ids)
      if (!failures.has(id as RemoteId)) failures.set(id as RemoteId, error);
  });
  for (const [id, error] of contradicted) if (!failures.has(id)) failures.set(id, error);
  return failures;
}
