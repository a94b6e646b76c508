#!/usr/bin/env node
// Runs the built CLI, dist/cli/main.js (`npm run build`, which `npm install` runs). When src/ has
// changed since the last build it builds first rather than run old code.
import { build, isStale } from '../scripts/build.js';

if (isStale()) {
  process.stderr.write('hrgraph: src/ changed since the last build; building dist/ first…\n');
  try {
    await build();
  } catch (error) {
    process.stderr.write(
      `hrgraph: the build failed (${error instanceof Error ? error.message.split('\n')[0] : error}); run npm install, then npm run build\n`,
    );
    process.exit(1);
  }
}
// Stack traces then name the src/ file and line, not a place in a bundle (it costs ~5% of a start).
process.setSourceMapsEnabled(true);
await import('../dist/cli/main.js');
