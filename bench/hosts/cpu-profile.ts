/**
 * A CPU profile of the process it runs in, through the inspector (V8's sampling profiler): for
 * `npm run bench -- --profile <scenario>`, started once the scenario has warmed up and stopped
 * when its measured runs end, so the profile shows the steady state, not start-up. The file opens
 * in Chrome DevTools (Performance) or speedscope.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { dirname } from 'node:path';

export interface CpuProfiler {
  start(): Promise<void>;
  /** Stops and writes the profile to `path` (a `.cpuprofile`); resolves to the path. */
  stop(path: string): Promise<string>;
}

export function createCpuProfiler(): CpuProfiler {
  let session: Session | undefined;
  return {
    async start() {
      if (session) throw new Error('A CPU profile is already running');
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      // V8 samples every 1 ms by default: a few hundred samples over a quick scenario, whose
      // server is idle while the other contenders take their turns. 100 µs gives the profile
      // enough of them to rank functions that each take a few per cent.
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
    },
    async stop(path) {
      if (!session) throw new Error('No CPU profile is running');
      const running = session;
      session = undefined;
      const { profile } = await running.post('Profiler.stop');
      running.disconnect();
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, JSON.stringify(profile));
      return path;
    },
  };
}

/** CPU time this process has used, user and system, in microseconds. */
export function readCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}
