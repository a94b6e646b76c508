/**
 * Preloaded (`node --import`) into a CLI child process by test/cli/what-commands-load.test.ts:
 * writes every module the process resolves (ES modules through a resolve hook, CommonJS through
 * `Module._load`) to the file named by HRGRAPH_MODULE_LOG, one a line.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.HRGRAPH_MODULE_LOG;
if (log) {
  register('./record-modules-hooks.js', import.meta.url, { data: { log } });
  const load = Module._load;
  Module._load = function recordRequire(request, parent, isMain) {
    appendFileSync(log, `require ${request}\n`);
    return load.call(this, request, parent, isMain);
  };
}
