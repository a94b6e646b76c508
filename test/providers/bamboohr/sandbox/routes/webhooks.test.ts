import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const VALID = {
  name: 'Sync',
  url: 'https://hooks.example.com/bamboo',
  format: 'json',
  events: ['employee.created', 'employee.updated', 'employee.deleted'],
  monitorFields: ['firstName', 'lastName'],
  postFields: { firstName: 'First' },
};

describe('webhooks (reference §7.1, spec Webhooks tag)', () => {
  it('BambooHR: creating a webhook is a 201 that shows the privateKey once', async () => {
    const { postJson, callJson } = createHarness(10);
    const created = await postJson('/v1/webhooks', VALID);
    expect(created.status).toBe(201);
    const body = created.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      id: '1',
      name: 'Sync',
      lastSent: null,
      includeCompanyDomain: false,
      events: VALID.events,
    });
    expect(body.privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(body.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const fetched = (await callJson('/v1/webhooks/1')).json<Record<string, unknown>>();
    expect(fetched).not.toHaveProperty('privateKey');
    expect(fetched.monitorFields).toEqual(['firstName', 'lastName']);
  });

  it('BambooHR: events default to employee_with_fields.*, which need monitorFields', async () => {
    const { postJson } = createHarness(10);
    const { events: _events, monitorFields: _m, ...bare } = VALID;
    const missing = await postJson('/v1/webhooks', bare);
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ error: 'Invalid request body' }] });
    const ok = (await postJson('/v1/webhooks', { ...bare, monitorFields: ['firstName'] })).json<{
      events: string[];
    }>();
    expect(ok.events).toEqual([
      'employee_with_fields.updated',
      'employee_with_fields.deleted',
      'employee_with_fields.created',
    ]);
  });

  it.each([
    ['a non-https url', { url: 'http://hooks.example.com' }],
    ['no format', { format: undefined }],
    ['an unknown format', { format: 'xml' }],
    ['no name', { name: undefined }],
    [
      'mixed legacy and new events',
      { events: ['employee.created', 'employee_with_fields.deleted'] },
    ],
    ['an update event without monitorFields', { monitorFields: [] }],
  ])('BambooHR: creating a webhook with %s is a 400', async (_label, change) => {
    const { postJson } = createHarness(10);
    const reply = await postJson('/v1/webhooks', { ...VALID, ...change });
    expect(reply.status).toBe(400);
  });

  it('BambooHR: event-only webhooks keep monitorFields null', async () => {
    const { postJson } = createHarness(10);
    const { monitorFields: _m, ...rest } = VALID;
    const body = (await postJson('/v1/webhooks', { ...rest, events: ['employee.created'] })).json<{
      monitorFields: unknown;
    }>();
    expect(body.monitorFields).toBeNull();
  });

  it('BambooHR: unknown monitor or post fields are a 403 listing unknownFields', async () => {
    const { postJson } = createHarness(10);
    const reply = await postJson('/v1/webhooks', {
      ...VALID,
      monitorFields: ['firstName', 'nope'],
    });
    expect(reply.status).toBe(403);
    expect(reply.json()).toMatchObject({ errors: [{ unknownFields: [{ name: 'nope' }] }] });
  });

  it("BambooHR: another user's webhook is a 403; a missing one is a 404", async () => {
    const { postJson, callJson, call } = createHarness(10);
    await postJson('/v1/webhooks', VALID);
    const other = await callJson('/v1/webhooks/1', { as: 2 });
    expect(other.status).toBe(403);
    expect(other.json()).toEqual({
      errors: [{ error: 'You do not have access to webhook ID: 1' }],
    });
    const put = await postJson('/v1/webhooks/1', VALID, { method: 'PUT', as: 2 });
    expect(put.json()).toEqual({ errors: { error: 'You do not have access to webhook ID: 1' } });
    expect((await call('/v1/webhooks/1', { method: 'DELETE', as: 2 })).status).toBe(403);
    expect((await callJson('/v1/webhooks/7')).status).toBe(404);
    const listed = (await callJson('/v1/webhooks', { as: 2 })).json<{ webhooks: unknown[] }>();
    expect(listed.webhooks).toEqual([]);
  });

  it('BambooHR: PUT replaces the webhook wholesale and keeps its private key', async () => {
    const { sandbox, postJson, callJson } = createHarness(10);
    const key = (await postJson('/v1/webhooks', VALID)).json<{ privateKey: string }>().privateKey;
    const reply = await postJson(
      '/v1/webhooks/1',
      {
        name: 'Renamed',
        url: 'https://x.example.com',
        format: 'form-encoded',
        events: ['employee.created'],
      },
      { method: 'PUT' },
    );
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({
      name: 'Renamed',
      monitorFields: null,
      postFields: {},
      format: 'form-encoded',
    });
    expect(sandbox.company.webhooks.get('1')?.privateKey).toBe(key);
    const listed = (await callJson('/v1/webhooks')).json<{
      webhooks: Array<Record<string, unknown>>;
    }>();
    expect(Object.keys(listed.webhooks[0]!)).toEqual(['id', 'name', 'created', 'lastSent', 'url']);
  });

  it('BambooHR: DELETE answers a plain-text confirmation; the log of a webhook is an array', async () => {
    const { postJson, callJson, call } = createHarness(10);
    await postJson('/v1/webhooks', VALID);
    expect((await callJson('/v1/webhooks/1/log')).json()).toEqual([]);
    const deleted = await call('/v1/webhooks/1', { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(deleted.text).toBe('Web hook has been deleted.');
    expect((await callJson('/v1/webhooks/1')).status).toBe(404);
  });

  it('BambooHR: monitor_fields lists {id (string), name, alias}; post-fields lists fields, tables, pages', async () => {
    const { callJson } = createHarness(10);
    const monitor = (await callJson('/v1/webhooks/monitor_fields')).json<{
      fields: Array<Record<string, unknown>>;
    }>();
    expect(monitor.fields).toContainEqual({ id: '1', name: 'First Name', alias: 'firstName' });
    const post = (await callJson('/v1/webhooks/post-fields')).json<{
      fields: Array<{ alias: string; tableId: number | null; pageId: number }>;
      tables: Array<{ id: number }>;
      pages: Array<{ id: number }>;
    }>();
    const department = post.fields.find((f) => f.alias === 'department');
    expect(post.tables.map((t) => t.id)).toContain(department?.tableId);
    expect(post.pages.map((p) => p.id)).toContain(department?.pageId);
  });
});
