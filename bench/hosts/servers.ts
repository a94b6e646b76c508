/**
 * Starts one of the servers the scenarios measure. Each kind loads only its own code, so the
 * hand-written server's process never carries hrgraph's server (schema, yoga, loaders) in its
 * memory: only a few of its constant tables (BambooHR's key names and call limits).
 */
import type { LocalGraphServer } from './graph-host.js';
import type { SandboxEndpoint } from './sandbox-host.js';

/** hrgraph, the naive baseline (hrgraph's server over per-object loaders), or the hand-written server. */
export type GraphKind = 'hrgraph' | 'naive' | 'server';

export async function startServer(
  kind: GraphKind,
  sandbox: SandboxEndpoint,
): Promise<LocalGraphServer> {
  if (kind === 'server') {
    const { startLocalHandServer } = await import('./hand-host.js');
    return startLocalHandServer(sandbox);
  }
  const { startLocalGraphServer } = await import('./graph-host.js');
  return startLocalGraphServer(kind, sandbox);
}
