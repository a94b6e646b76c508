/**
 * `npm run bench -- --profile <scenario>`: a CPU profile of hrgraph's server process over the
 * scenario's measured runs, written beside the results JSON (bench/results/, where profiles are
 * git-ignored) and its path printed. For every other scenario, and without the flag, starting and
 * stopping do nothing.
 */
import { dirname, resolve } from 'node:path';
import type { GraphHandle } from '../hosts/hosts.js';
import type { ScenarioContext } from './types.js';

export interface Profiling {
  start(): Promise<void>;
  /** Resolves to the profile's path, or undefined when none was taken. */
  stop(): Promise<string | undefined>;
}

/** `label` names the file: the scenario, or the walk and its size. */
export function profiling(ctx: ScenarioContext, label: string, server: GraphHandle): Profiling {
  const scenario = label.split(/[ -]/)[0];
  if (ctx.options.cpuProfile !== scenario) {
    return { start: async () => {}, stop: async () => undefined };
  }
  return {
    start: () => server.startProfile(),
    async stop() {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${label.replace(/[^a-z0-9]+/gi, '-')}-hrgraph-${stamp}.cpuprofile`;
      const path = await server.stopProfile(resolve(dirname(ctx.options.out), name));
      ctx.log(`CPU profile of hrgraph's process in ${label}: ${path}`);
      return path;
    },
  };
}
