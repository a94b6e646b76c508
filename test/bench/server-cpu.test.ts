/**
 * The CPU columns: a server's CPU time per request is the sum of its CPU over the measured spans
 * divided by the requests sent in them (not a mean of per-run ratios), a span not read makes the
 * figure unknown rather than low, and µs per employee-field divides it by employees × fields.
 */
import { describe, expect, it } from 'vitest';
import { type ContenderResult, cpuPerField } from '../../bench/measure/row.js';
import { cpuMsPerRequest } from '../../bench/measure/server-meter.js';

const withCpu = (ms: number | null): ContenderResult => ({
  calls: 1,
  roundTrips: 1,
  latency: { samples: 1, p50Ms: 1, p95Ms: 1 },
  cpuMsPerRequest: ms,
});

describe('CPU per request', () => {
  it('is total CPU over total requests across spans', () => {
    const spans = [
      { micros: 30_000, requests: 1 },
      { micros: 10_000, requests: 3 },
    ];
    expect(cpuMsPerRequest(spans)).toBe(10);
  });

  it('is unknown when a span was not read, or nothing was sent', () => {
    expect(cpuMsPerRequest([{ micros: 5_000, requests: 1 }, null])).toBeNull();
    expect(cpuMsPerRequest([{ micros: 5_000, requests: 0 }])).toBeNull();
  });
});

describe('CPU µs per employee-field', () => {
  it('divides each server’s CPU per request by employees × fields', () => {
    const row = { hrgraph: withCpu(12), server: withCpu(3) };
    expect(cpuPerField(row, 100 * 12)).toEqual({ hrgraph: 10, server: 2.5 });
  });

  it('stays unknown for a server whose CPU was not read', () => {
    const row = { hrgraph: withCpu(12), server: withCpu(null) };
    expect(cpuPerField(row, 1200)).toEqual({ hrgraph: 10, server: null });
  });
});
