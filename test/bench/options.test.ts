/**
 * `npm run bench -- --profile <scenario>`: the profile is of one scenario's hrgraph process, so
 * the flag runs that scenario alone, and a name that is no scenario, or one `--only` leaves out,
 * is refused before anything starts.
 */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/options.js';

describe('--profile <scenario>', () => {
  it('runs only the profiled scenario and names it for the profile', () => {
    const options = parseBenchArgs(['--profile', 'directory']);
    expect(options).toMatchObject({ scenarios: ['directory'], cpuProfile: 'directory' });
  });

  it('keeps the scenarios --only names when they include it', () => {
    const options = parseBenchArgs(['--profile', 'wide', '--only', 'directory,wide']);
    expect(options).toMatchObject({ scenarios: ['directory', 'wide'], cpuProfile: 'wide' });
  });

  it('is refused for a scenario --only leaves out', () => {
    expect(() => parseBenchArgs(['--profile', 'wide', '--only', 'directory'])).toThrow(
      /--profile wide names a scenario --only leaves out/,
    );
  });

  it('is refused for a name that is no scenario', () => {
    expect(() => parseBenchArgs(['--profile', 'everything'])).toThrow(
      /Unknown scenario: everything/,
    );
  });

  it('without it, no profile is taken and every scenario runs', () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({ cpuProfile: null });
    expect('scenarios' in options && options.scenarios.length).toBeGreaterThan(1);
  });
});
