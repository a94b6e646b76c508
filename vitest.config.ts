import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Nothing a test starts may reach beyond loopback (test/setup/loopback-only.ts fails the file
    // that tries). Apollo Gateway would otherwise send usage telemetry and probe cloud metadata
    // servers whenever one is constructed; this is set before any worker imports it.
    setupFiles: ['test/setup/loopback-only.ts'],
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
    // Walks over 10,000 people and 1,000-person wide reports are real work on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core but one, and both on a 2-core machine (Vitest's default leaves one idle there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files share each worker's module cache: importing the schema, yoga and a sandbox
    // afresh for each of ~120 files doubled the suite's time on 2 cores. No module keeps state
    // (a rule of the codebase), and one caveat is known: @hono/node-server swaps the global
    // Response class once any test serves a socket, so code must never mutate a Response's
    // headers after it is built (make a new Response instead).
    isolate: false,
  },
});
