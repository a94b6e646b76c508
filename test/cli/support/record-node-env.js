/**
 * Preloaded (`node --import`) into a CLI child process by test/cli/production-mode.test.ts: writes
 * every read of NODE_ENV to the file named by HRGRAPH_ENV_LOG, one a line, as the value read and
 * the file that read it (source-mapped: bin/hrgraph.js turns source maps on, so a read from inside
 * the bundle names node_modules/graphql/…). graphql-js decides its mode from the one read it makes
 * when it loads; this is what it saw.
 */
import { appendFileSync } from 'node:fs';

const log = process.env.HRGRAPH_ENV_LOG;
if (log) {
  const real = process.env;
  process.env = new Proxy(real, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (name === 'NODE_ENV') {
        const frames = (new Error().stack ?? '').split('\n').slice(1);
        const reader = frames.find((frame) => !frame.includes(import.meta.url)) ?? '';
        appendFileSync(log, `${value ?? '(unset)'} ${reader.trim()}\n`);
      }
      return value;
    },
  });
}
