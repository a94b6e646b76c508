/**
 * One log line per provider call, at debug: account, operation, status, duration, retries,
 * counts of fields and ids. The http client hands its observers nothing else (src/http/observer.ts).
 */
import type { CallObserver } from '../../http/index.js';
import type { Logger } from './logger.js';

export function callLogObserver(logger: Logger): CallObserver {
  return {
    callStarted(call) {
      // Checked once per call: at info the observer costs a level comparison.
      if (!logger.isLevelEnabled('debug')) return undefined;
      return {
        ended(end) {
          logger.debug(
            {
              event: 'provider_call',
              account: call.accountId,
              operation: call.operation,
              method: call.method,
              fieldCount: call.fields,
              idCount: call.ids,
              status: end.status,
              retries: end.retries,
              durationMs: end.durationMs,
              outcome: end.outcome,
              errorCode: end.errorCode ?? null,
            },
            'provider call',
          );
        },
        refused(cause) {
          logger.debug(
            {
              event: 'provider_call_refused',
              account: call.accountId,
              operation: call.operation,
              cause,
            },
            'provider call not sent',
          );
        },
      };
    },
  };
}
