/**
 * hrgraph as the contract suite wires it (test/contract/graph.ts), with requests that can carry
 * `extensions` and headers: what explain's tests send. Each answer says which calls it made.
 */
import { afterAll, beforeAll } from 'vitest';
import { createAccountRuntime } from '../../../src/accounts/account-runtime.js';
import { createHttpClient } from '../../../src/http/index.js';
import type { UpstreamSummary } from '../../../src/http/recorder.js';
import { createLoaders } from '../../../src/loaders/index.js';
import type { AccountConfig } from '../../../src/providers/registry.js';
import {
  createHrGraphServer,
  type HrGraphServerOptions,
} from '../../../src/server/create-server.js';
import type { OperationPlan } from '../../../src/server/plugins/explain/plan-operation.js';
import type { ContractKit, KitSandbox } from '../../contract/kit.js';

export interface ExplainAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
  readonly upstream?: UpstreamSummary & { plan?: OperationPlan; budget?: unknown };
}

export interface SendOptions {
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

export type Send = <T = Record<string, unknown>>(
  document: string,
  variables?: Record<string, unknown>,
  options?: SendOptions,
) => Promise<ExplainAnswer<T>>;

export function sendThrough(yoga: {
  fetch(url: string, init: RequestInit): Response | Promise<Response>;
}): Send {
  return async function send(document, variables = {}, options = {}) {
    const response = await yoga.fetch('http://hrgraph.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hrgraph-upstream': '1',
        ...options.headers,
      },
      body: JSON.stringify({ query: document, variables, extensions: options.extensions }),
    });
    const body = (await response.json()) as Record<string, never>;
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      upstream: (body.extensions as { upstream?: never } | undefined)?.upstream,
    };
  };
}

export function startExplainGraph(
  accounts: readonly AccountConfig[],
  options: Partial<HrGraphServerOptions> = {},
) {
  const http = createHttpClient();
  const runtime = createAccountRuntime({ http, configAccounts: accounts });
  const yoga = createHrGraphServer({
    adapters: runtime.adapters,
    createLoaders,
    cursorKey: Buffer.from('explain-cursor-key-explain-key!!'),
    development: false,
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
    ...options,
  });
  return { send: sendThrough(yoga), close: () => http.close() };
}

/** For the calling describe block: the kit's `acme` sandbox and hrgraph over its accounts. */
export function useExplainGraph(kit: ContractKit) {
  let started: { sandbox: KitSandbox; send: Send; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    const sandbox = await kit.start({ domain: 'acme' });
    started = { sandbox, ...startExplainGraph(sandbox.accounts.map((a) => a.config)) };
  });
  afterAll(async () => {
    await started?.close();
    await started?.sandbox.close();
  });
  return () => {
    if (!started) throw new Error(`the ${kit.provider} kit is not started`);
    return started;
  };
}
