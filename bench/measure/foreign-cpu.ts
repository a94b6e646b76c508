/**
 * How much of the machine's CPU went to processes that are not this benchmark, from Linux's
 * /proc: all busy time, minus this process's own and that of its children (the sandbox and the
 * servers, counted once they have exited, which every scenario's do). The scenarios time
 * CPU-bound work, so on a shared machine this is the first number to look at.
 */
import { readFileSync } from 'node:fs';

export interface CpuSample {
  /** Busy clock ticks of every CPU. */
  readonly busy: number;
  /** Busy and idle ticks. */
  readonly total: number;
  /** Ticks of this process and its reaped children. */
  readonly own: number;
}

/** Null where /proc is not there to read (not Linux). */
export function sampleCpu(): CpuSample | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu.map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + (steal ?? 0);
    // Fields 14–17 of /proc/self/stat, counted after the parenthesised command name.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = fields[11]! + fields[12]! + fields[13]! + fields[14]!;
    return { busy, total: busy + idle! + iowait!, own };
  } catch {
    return null;
  }
}

/** The share (0–1) of all CPU time between two samples that other processes used. */
export function foreignShare(from: CpuSample | null, to: CpuSample | null): number | null {
  if (!from || !to || to.total <= from.total) return null;
  const foreign = to.busy - from.busy - (to.own - from.own);
  return Math.max(0, foreign) / (to.total - from.total);
}
