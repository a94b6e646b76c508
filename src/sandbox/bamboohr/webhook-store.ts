import type { Webhook, WebhookStore } from './env.js';

/** The in-memory webhook registry of one company; ids count up from 1 like BambooHR's. */
export function createWebhookStore(): WebhookStore {
  const hooks = new Map<string, Webhook>();
  let lastId = 0;
  return {
    list: () => [...hooks.values()],
    get: (id) => hooks.get(id),
    put(webhook) {
      hooks.set(webhook.id, webhook);
    },
    delete: (id) => hooks.delete(id),
    nextId() {
      lastId++;
      return String(lastId);
    },
  };
}
