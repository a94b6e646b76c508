/**
 * Everything a test's code could log, captured instead of printed: every console level and both
 * standard streams go to `capture`, so a test can say what never reaches any log line. Spied with
 * vitest; `vi.restoreAllMocks()` puts them back.
 */
import { vi } from 'vitest';

export function captureOutput(capture: (...parts: unknown[]) => void): void {
  for (const level of ['debug', 'info', 'log', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation(capture);
  }
  const write = (chunk: unknown) => {
    capture(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(write);
  vi.spyOn(process.stderr, 'write').mockImplementation(write);
}
