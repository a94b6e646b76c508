/**
 * Permissioned webhooks (reference §7.1, spec Webhooks tag): CRUD over the company's webhook
 * store, each webhook visible only to the employee whose credentials created it (403 for anyone
 * else), the private key shown once at creation, PUT a full replacement that keeps the key.
 * Nothing is ever delivered by the sandbox, so `lastSent` stays null and logs are empty.
 */
import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SandboxEnv, Webhook } from '../env.js';
import { sectionOf } from './datasets/sections.js';
import { postFields } from './webhooks/post-fields.js';
import { validateWebhookBody, type WebhookValidation } from './webhooks/validate.js';

type Ctx = Context<SandboxEnv>;

/** `YYYY-MM-DD HH:MM:SS` in UTC, the spec's format for `created` and `lastSent`. */
function webhookTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

function view(hook: Webhook) {
  return {
    id: hook.id,
    name: hook.name,
    created: hook.created,
    lastSent: hook.lastSent,
    monitorFields: hook.monitorFields,
    postFields: hook.postFields,
    url: hook.url,
    format: hook.format,
    includeCompanyDomain: hook.includeCompanyDomain,
    events: hook.events,
  };
}

function errors(c: Ctx, status: ContentfulStatusCode, error: string): Response {
  return c.json({ errors: [{ error }] }, status);
}

/** The caller's webhook, or the 403/404 answer. PUT words its 403 as an object (spec). */
function ownHook(c: Ctx, objectForbidden = false): Webhook | Response {
  const id = c.req.param('id') ?? '';
  const hook = /^\d+$/.test(id) ? c.var.company.webhooks.get(id) : undefined;
  if (!hook) return errors(c, 404, `No webhook was found with ID: ${id}.`);
  if (hook.ownerEmployeeId !== c.var.principal.employeeId) {
    const error = `You do not have access to webhook ID: ${id}`;
    return objectForbidden ? c.json({ errors: { error } }, 403) : errors(c, 403, error);
  }
  return hook;
}

async function validated(c: Ctx): Promise<WebhookValidation> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    body = undefined;
  }
  return validateWebhookBody(body, (key) => c.var.fields.resolve(key));
}

export function registerWebhooksRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1/webhooks', function listWebhooks(c) {
    const own = c.var.company.webhooks
      .list()
      .filter((hook) => hook.ownerEmployeeId === c.var.principal.employeeId);
    return c.json({
      webhooks: own.map(({ id, name, created, lastSent, url }) => ({
        id,
        name,
        created,
        lastSent,
        url,
      })),
    });
  });

  api.post('/v1/webhooks', async function createWebhook(c) {
    const result = await validated(c);
    if (!result.ok) return c.json(result.problem.body, result.problem.status);
    const store = c.var.company.webhooks;
    const hook: Webhook = {
      ...result.value,
      id: store.nextId(),
      privateKey: randomBytes(32).toString('hex'),
      created: webhookTime(c.var.clock.now()),
      lastSent: null,
      ownerEmployeeId: c.var.principal.employeeId,
    };
    store.put(hook);
    const { includeCompanyDomain, events, ...head } = view(hook);
    return c.json({ ...head, privateKey: hook.privateKey, includeCompanyDomain, events }, 201);
  });

  // Static paths before `/v1/webhooks/:id`, which would otherwise take them as ids.
  api.get('/v1/webhooks/monitor_fields', function listMonitorFields(c) {
    const fields = c.var.fields.all
      .filter((def) => def.inMeta && !def.deprecated)
      .map((def) => ({ id: String(def.id), name: def.name, alias: def.alias }));
    return c.json({ fields });
  });

  api.get('/v1/webhooks/post-fields', function getPostFields(c) {
    return c.json(postFields(c.var.fields.all, sectionOf));
  });

  api.get('/v1/webhooks/:id', function getWebhook(c) {
    const hook = ownHook(c);
    return hook instanceof Response ? hook : c.json(view(hook));
  });

  api.put('/v1/webhooks/:id', async function updateWebhook(c) {
    const hook = ownHook(c, true);
    if (hook instanceof Response) return hook;
    const result = await validated(c);
    if (!result.ok) return c.json(result.problem.body, result.problem.status);
    const updated: Webhook = { ...hook, ...result.value };
    c.var.company.webhooks.put(updated);
    return c.json(view(updated));
  });

  api.delete('/v1/webhooks/:id', function deleteWebhook(c) {
    const hook = ownHook(c);
    if (hook instanceof Response) return hook;
    c.var.company.webhooks.delete(hook.id);
    return c.text('Web hook has been deleted.');
  });

  api.get('/v1/webhooks/:id/log', function listWebhookLogs(c) {
    const hook = ownHook(c);
    return hook instanceof Response ? hook : c.json([]);
  });
}
