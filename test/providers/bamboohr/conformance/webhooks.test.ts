/**
 * Webhooks management API: create, read, update, delete, log, monitor and post fields, and the
 * errors of each, checked against the official spec's response objects.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createConformanceSandbox } from '../../../conformance/support/bamboohr-sandbox.js';
import { loadConformance } from '../../../conformance/support/conformance.js';

const { expectConformant } = await loadConformance();
const { call, keyOf } = createConformanceSandbox();

const collection = { method: 'get', pathTemplate: '/api/v1/webhooks' } as const;
const create = { method: 'post', pathTemplate: '/api/v1/webhooks' } as const;
const one = (method: 'get' | 'put' | 'delete') =>
  ({ method, pathTemplate: '/api/v1/webhooks/{id}' }) as const;
const log = { method: 'get', pathTemplate: '/api/v1/webhooks/{id}/log' } as const;

const hook = {
  name: 'Conformance hook',
  url: 'https://hooks.example.com/bamboohr',
  format: 'json',
  events: ['employee.created', 'employee.updated', 'employee.deleted'],
  monitorFields: ['firstName', 'lastName'],
  postFields: { firstName: 'First', lastName: 'Last' },
  includeCompanyDomain: false,
};

/** Creates a webhook owned by the admin (employee 1) and returns its id. */
async function created(): Promise<string> {
  const { body } = await expectConformant(
    await call('POST', '/v1/webhooks', { body: hook }),
    create,
  );
  return (body as { id: string }).id;
}

describe('webhooks CRUD (/api/v1/webhooks, /api/v1/webhooks/{id})', () => {
  let id = '';
  beforeAll(async () => {
    id = await created();
  });

  it('create-webhook 201 conforms to the spec and returns the privateKey once', async () => {
    const { status, body } = await expectConformant(
      await call('POST', '/v1/webhooks', { body: hook }),
      create,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({ privateKey: expect.any(String), events: hook.events });
  });

  it('list-webhooks 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/webhooks'), collection);
    expect((body as { webhooks: Array<{ id: string }> }).webhooks.map((w) => w.id)).toContain(id);
  });

  it('get-webhook 200 conforms to the spec (WebHookResponse)', async () => {
    const { body } = await expectConformant(await call('GET', `/v1/webhooks/${id}`), one('get'));
    expect(body).toMatchObject({ id, name: hook.name });
    expect(body).not.toHaveProperty('privateKey');
  });

  it('update-webhook 200 (full replacement) conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('PUT', `/v1/webhooks/${id}`, { body: { ...hook, name: 'Renamed hook' } }),
      one('put'),
    );
    expect(body).toMatchObject({ id, name: 'Renamed hook' });
  });

  it('list-webhook-logs 200 conforms to the spec', async () => {
    await expectConformant(await call('GET', `/v1/webhooks/${id}/log`), log);
  });

  it('delete-webhook 200 is text/plain and a later get is 404 (WebhookError), both conforming', async () => {
    const doomed = await created();
    const deleted = await expectConformant(
      await call('DELETE', `/v1/webhooks/${doomed}`),
      one('delete'),
    );
    expect(deleted.mediaType).toBe('text/plain');
    const gone = await expectConformant(await call('GET', `/v1/webhooks/${doomed}`), one('get'));
    expect(gone.status).toBe(404);
  });
});

describe('webhook errors', () => {
  it('create-webhook 400 for a missing format conforms (WebhookBadRequest)', async () => {
    const { format: _format, ...withoutFormat } = hook;
    const { status } = await expectConformant(
      await call('POST', '/v1/webhooks', { body: withoutFormat }),
      create,
    );
    expect(status).toBe(400);
  });

  it('create-webhook 400 for a URL that is not https:// conforms', async () => {
    const { status } = await expectConformant(
      await call('POST', '/v1/webhooks', { body: { ...hook, url: 'http://hooks.example.com/x' } }),
      create,
    );
    expect(status).toBe(400);
  });

  it('create-webhook 400 for missing monitorFields with employee.updated conforms', async () => {
    const { monitorFields: _monitor, ...withoutMonitor } = hook;
    const { status } = await expectConformant(
      await call('POST', '/v1/webhooks', { body: withoutMonitor }),
      create,
    );
    expect(status).toBe(400);
  });

  it('create-webhook 403 for fields the caller cannot see lists them as unknownFields (WebhookError)', async () => {
    const { status, body } = await expectConformant(
      await call('POST', '/v1/webhooks', { body: { ...hook, monitorFields: ['noSuchField'] } }),
      create,
    );
    expect(status).toBe(403);
    expect(body).toMatchObject({ errors: [{ unknownFields: [{ name: 'noSuchField' }] }] });
  });

  it("get-webhook 403 for another user's webhook conforms", async () => {
    const id = await created();
    const { status } = await expectConformant(
      await call('GET', `/v1/webhooks/${id}`, { auth: keyOf(2) }),
      one('get'),
    );
    expect(status).toBe(403);
  });

  it("update-webhook 403 for another user's webhook conforms", async () => {
    const id = await created();
    const { status } = await expectConformant(
      await call('PUT', `/v1/webhooks/${id}`, { body: hook, auth: keyOf(2) }),
      one('put'),
    );
    expect(status).toBe(403);
  });

  it("delete-webhook 403 for another user's webhook conforms", async () => {
    const id = await created();
    const { status } = await expectConformant(
      await call('DELETE', `/v1/webhooks/${id}`, { auth: keyOf(2) }),
      one('delete'),
    );
    expect(status).toBe(403);
  });

  it('get/update/delete-webhook 404 for an unknown id conform', async () => {
    for (const [method, body] of [['GET'], ['PUT', hook], ['DELETE']] as const) {
      const { status } = await expectConformant(
        await call(method, '/v1/webhooks/99999', body ? { body } : {}),
        one(method.toLowerCase() as 'get' | 'put' | 'delete'),
      );
      expect(status).toBe(404);
    }
  });

  it('list-webhook-logs 404 for an unknown id conforms', async () => {
    const { status } = await expectConformant(await call('GET', '/v1/webhooks/99999/log'), log);
    expect(status).toBe(404);
  });
});

describe('webhook field catalogues (/api/v1/webhooks/monitor_fields, /post-fields)', () => {
  it('list-monitor-fields 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/webhooks/monitor_fields'), {
      method: 'get',
      pathTemplate: '/api/v1/webhooks/monitor_fields',
    });
    expect((body as { fields: unknown[] }).fields.length).toBeGreaterThan(0);
  });

  it('get-post-fields 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/webhooks/post-fields'), {
      method: 'get',
      pathTemplate: '/api/v1/webhooks/post-fields',
    });
    expect((body as { fields: unknown[] }).fields.length).toBeGreaterThan(0);
  });
});
