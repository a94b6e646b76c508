/**
 * Every test file runs with the loopback guard installed (test/support/loopback-guard.ts): a
 * connection or DNS query bound anywhere but this machine is refused, and fails the file that made
 * it, naming where it came from.
 */
import { afterAll } from 'vitest';
import {
  describeAttempts,
  installLoopbackGuard,
  takeOutboundAttempts,
} from '../support/loopback-guard.js';

installLoopbackGuard();
// Workers keep their module cache between files: attempts of the file before are not this one's.
takeOutboundAttempts();

afterAll(function failOnOutboundTraffic() {
  const attempts = takeOutboundAttempts();
  if (attempts.length > 0)
    throw new Error(
      `${attempts.length} attempt(s) to reach beyond loopback:\n${describeAttempts(attempts)}`,
    );
});
