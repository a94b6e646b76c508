/**
 * The circuit breaker on its own: what opens it, how long it stays open, and the probe.
 */
import { describe, expect, it } from 'vitest';
import { type CallVerdict, createCircuitBreaker } from '../../src/http/circuit-breaker.js';

function setUp(failureThreshold = 3, openMs = 10_000) {
  let clock = 0;
  const breaker = createCircuitBreaker({ failureThreshold, openMs }, () => clock);
  function call(verdict: CallVerdict) {
    const admission = breaker.admit();
    if (admission.admitted) breaker.settle(admission, verdict);
    return admission;
  }
  return {
    breaker,
    call,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('opening', () => {
  it('opens after failureThreshold failed calls in a row and then refuses with the time left', () => {
    const { breaker, call, advance } = setUp();
    call('failure');
    call('failure');
    expect(breaker.state()).toBe('closed');
    call('failure');
    expect(breaker.state()).toBe('open');
    advance(4_000);
    expect(breaker.admit()).toEqual({ admitted: false, retryAfterMs: 6_000 });
  });

  it('a success in between starts the count again', () => {
    const { breaker, call } = setUp();
    for (const verdict of ['failure', 'failure', 'success', 'failure', 'failure'] as const) {
      call(verdict);
    }
    expect(breaker.state()).toBe('closed');
  });

  it('rate limits and aborts (neutral) neither count nor reset', () => {
    const { breaker, call } = setUp();
    for (const verdict of ['failure', 'failure', 'neutral', 'neutral', 'neutral'] as const) {
      call(verdict);
    }
    expect(breaker.state()).toBe('closed');
    call('failure');
    expect(breaker.state()).toBe('open');
  });

  it('calls admitted before it opened change nothing when they end after', () => {
    const { breaker, call } = setUp(1);
    const late = breaker.admit();
    call('failure');
    breaker.settle(late, 'success');
    expect(breaker.state()).toBe('open');
  });
});

describe('probing', () => {
  it('after openMs one probe goes; the others fail fast until it ends; its success closes', () => {
    const { breaker, call, advance } = setUp(1);
    call('failure');
    advance(10_000);
    const probe = breaker.admit();
    expect(probe).toEqual({ admitted: true, probe: true });
    expect(breaker.state()).toBe('halfOpen');
    expect(breaker.admit().admitted).toBe(false);
    breaker.settle(probe, 'success');
    expect(breaker.state()).toBe('closed');
    expect(breaker.admit()).toEqual({ admitted: true, probe: false });
  });

  it('a failed probe opens it again for openMs', () => {
    const { breaker, call, advance } = setUp(1);
    call('failure');
    advance(10_000);
    call('failure');
    expect(breaker.state()).toBe('open');
    advance(9_999);
    expect(breaker.admit()).toEqual({ admitted: false, retryAfterMs: 1 });
  });

  it('a probe that ends neutral (aborted) lets the next call probe', () => {
    const { breaker, call, advance } = setUp(1);
    call('failure');
    advance(10_000);
    call('neutral');
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
  });
});
