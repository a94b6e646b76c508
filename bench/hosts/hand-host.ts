/**
 * The hand-written server as the benchmark runs it: reading the sandbox company's `acme-oauth`
 * account (the one every scenario reads) with hrgraph's cursor key, so each accepts the other's
 * cursors and signs the same bytes.
 */
import { type HandServer, startHandServer } from '../baselines/hand-server/server.js';
import { ACCOUNT } from '../scenarios/types.js';
import type { SandboxEndpoint } from './sandbox-host.js';

/** The key hrgraph and the hand-written server sign cursors with in the benchmark. */
export const BENCH_CURSOR_KEY = Buffer.from('bench-cursor-key-bench-cursor-k!');

export function startLocalHandServer(sandbox: SandboxEndpoint): Promise<HandServer> {
  return startHandServer({
    baseUrl: sandbox.baseUrl,
    accessToken: sandbox.accessToken,
    account: ACCOUNT,
    cursorKey: BENCH_CURSOR_KEY,
  });
}
