/**
 * hrgraph as `serve` wires it (accounts runtime with each account's health, the real loaders and
 * schema) over the accounts of one or more kit sandboxes, queried in-process. Each response says
 * which provider calls it made.
 */
import { afterAll, beforeAll } from 'vitest';
import { createAccountRuntime } from '../../src/accounts/account-runtime.js';
import { createHttpClient, type HttpClientOptions } from '../../src/http/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import type { AccountConfig } from '../../src/providers/registry.js';
import { createHrGraphServer } from '../../src/server/create-server.js';
import { type QueryFn, queryThrough } from '../support/hrgraph.js';
import type { ContractKit, KitSandbox } from './kit.js';

export interface ContractGraph {
  readonly query: QueryFn;
  close(): Promise<void>;
}

export interface ContractGraphOptions {
  /** @default the client's defaults */
  readonly http?: HttpClientOptions;
}

export function startContractGraph(
  accounts: readonly AccountConfig[],
  options: ContractGraphOptions = {},
): ContractGraph {
  const http = createHttpClient(options.http);
  const runtime = createAccountRuntime({ http, configAccounts: accounts });
  const yoga = createHrGraphServer({
    adapters: runtime.adapters,
    standing: (id) => runtime.health(id)?.state(),
    createLoaders,
    cursorKey: Buffer.from('contract-cursor-key-contract-key'),
    development: false,
    logging: false,
    now: () => new Date('2026-06-15T12:00:00Z'),
  });
  return {
    query: queryThrough(yoga),
    close: () => http.close(),
  };
}

export interface KitGraph {
  readonly sandbox: KitSandbox;
  readonly graph: ContractGraph;
}

/** For the calling describe block: the kit's `acme` sandbox and hrgraph over its accounts. */
export function useKitGraph(kit: ContractKit): () => KitGraph {
  let started: KitGraph | undefined;
  beforeAll(async () => {
    const sandbox = await kit.start({ domain: 'acme' });
    started = { sandbox, graph: startContractGraph(sandbox.accounts.map((a) => a.config)) };
  });
  afterAll(async () => {
    await started?.graph.close();
    await started?.sandbox.close();
  });
  return () => {
    if (!started) throw new Error(`the ${kit.provider} kit is not started`);
    return started;
  };
}
