/**
 * Issue 21 (traces): with an OTLP endpoint configured, a running hrgraph serve exports a span per
 * GraphQL operation, per loader batch and per provider call, linked parent to child, to an
 * in-process OTLP collector; the provider-call spans match the calls the sandbox served.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOtlpCollector } from './otlp-collector.js';
import { type Served, startServed } from './served.js';

let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
let served: Served;
beforeAll(async () => {
  collector = await startOtlpCollector();
  served = await startServed({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint } });
});
afterAll(async () => {
  await served.close();
  await collector.close();
});

describe('Issue 21: traces by OpenTelemetry', () => {
  test('the operation span, its loader-batch spans and their provider-call spans reach the OTLP collector, with parent links and attributes, one call span per call the sandbox served', async () => {
    const listed = await served.query(/* GraphQL */ `
      query Staff {
        employees(account: "acme", first: 3) {
          nodes {
            id
          }
        }
      }
    `);
    const { nodes } = (listed.body.data as { employees: { nodes: { id: string }[] } }).employees;
    const seenBefore = served.bamboo.log.count();
    // Read by id: the loaders batch it (a list page is one call of its own, with no batch).
    const answer = await served.query(
      /* GraphQL */ `
        query People($ids: [ID!]!) {
          nodes(ids: $ids) {
            ... on Employee {
              displayName
              workEmail
            }
          }
        }
      `,
      { ids: nodes.map((node) => node.id) },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const sandboxCalls = served.bamboo.log.count() - seenBefore;
    expect(sandboxCalls).toBeGreaterThan(0);
    // Stopping flushes the spans still buffered.
    await served.handle.stop();

    const staff = collector.spans.find((span) => span.name === 'query.Staff');
    const listCalls = collector.spans.filter(
      (span) => span.name === 'hrgraph.provider_call' && span.parentSpanId === staff?.spanId,
    );
    expect(listCalls.length).toBeGreaterThan(0);
    const operation = collector.spans.find((span) => span.name === 'query.People');
    expect(operation).toBeDefined();
    expect(operation!.serviceName).toBe('hrgraph');
    expect(operation!.attributes['graphql.execute.operationName']).toBe('People');
    // No document, variables or result on the span: they can hold personal data.
    expect(operation!.attributes['graphql.execute.document']).toBeUndefined();
    expect(operation!.attributes['graphql.execute.variables']).toBeUndefined();
    const inTrace = collector.spans.filter((span) => span.traceId === operation!.traceId);
    const batches = inTrace.filter((span) => span.name === 'hrgraph.batch');
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) {
      expect(batch.parentSpanId).toBe(operation!.spanId);
      expect(batch.attributes).toMatchObject({
        'hrgraph.account': 'acme',
        'hrgraph.provider': 'bamboohr',
        'hrgraph.failed_ids': 0,
      });
      expect(batch.attributes['hrgraph.ids']).toBeGreaterThan(0);
    }
    const calls = inTrace.filter((span) => span.name === 'hrgraph.provider_call');
    expect(calls).toHaveLength(sandboxCalls);
    const parents = new Set([operation!.spanId, ...batches.map((batch) => batch.spanId)]);
    for (const call of calls) {
      expect(parents.has(call.parentSpanId ?? '')).toBe(true);
      expect(call.kind).toBe(3); // CLIENT
      expect(call.attributes).toMatchObject({
        'hrgraph.account': 'acme',
        'hrgraph.provider': 'bamboohr',
        'hrgraph.operation': expect.stringMatching(/^bamboohr\./),
        'hrgraph.retries': 0,
        'http.response.status_code': 200,
      });
      expect(typeof call.attributes['hrgraph.fields']).toBe('number');
      expect(typeof call.attributes['hrgraph.ids']).toBe('number');
    }
    expect(calls.some((call) => batches.some((batch) => batch.spanId === call.parentSpanId))).toBe(
      true,
    );
    const person = served.bamboo.company.data.people[0]!;
    expect(JSON.stringify(collector.spans)).not.toContain(person.workEmail);
    expect(JSON.stringify(collector.spans)).not.toContain(served.apiKey);
  });
});
