/**
 * Benchmarks reach loopback only, like the tests: loaded first in the runner and in every process
 * it starts, this refuses any other connection or DNS query (test/support/loopback-guard.ts) and
 * makes the process exit non-zero, naming each attempt, so a run that tried is never reported clean.
 */
import {
  describeAttempts,
  installLoopbackGuard,
  takeOutboundAttempts,
} from '../test/support/loopback-guard.js';

installLoopbackGuard();

process.on('exit', function reportOutboundTraffic() {
  const attempts = takeOutboundAttempts();
  if (attempts.length === 0) return;
  process.stderr.write(
    `PROBLEM ${attempts.length} attempt(s) to reach beyond loopback:\n${describeAttempts(attempts)}\n`,
  );
  process.exitCode = 3;
});
