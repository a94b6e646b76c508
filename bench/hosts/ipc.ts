/**
 * A tiny request/response protocol over Node's IPC channel, between the benchmark runner and
 * the processes it starts (the sandbox, hrgraph, the naive baseline, the hand-written server). Keeping each in its own
 * process keeps the sandbox's CPU out of hrgraph's latency and each server's memory its own.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Request {
  readonly id: number;
  readonly type: string;
  readonly payload: unknown;
}

type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

export type Handlers = Readonly<Record<string, (payload: never) => unknown>>;

/** In the child: answers the parent's requests; `close` is answered, then the process exits. */
export function serveIpc(handlers: Handlers): void {
  if (!process.send) throw new Error('This process must be started with an IPC channel');
  process.on('message', async function answer(message: Request) {
    let reply: Reply;
    try {
      const handler = handlers[message.type];
      if (!handler) throw new Error(`Unknown request ${message.type}`);
      reply = { id: message.id, ok: true, value: await handler(message.payload as never) };
    } catch (error) {
      reply = { id: message.id, ok: false, error: String((error as Error)?.stack ?? error) };
    }
    process.send!(reply, undefined, undefined, () => {
      if (message.type === 'close') process.exit(0);
    });
  });
  // An orphaned child must not outlive a runner that crashed.
  process.on('disconnect', () => process.exit(0));
}

export interface ChildHandle {
  call<T>(type: string, payload?: unknown): Promise<T>;
  /** Asks the child to close, and waits for it to exit. */
  close(): Promise<void>;
}

const loopbackOnly = fileURLToPath(new URL('../loopback-only.ts', import.meta.url));

/**
 * Starts `script` under tsx with an IPC channel, and with `--expose-gc` so the runner can ask
 * what a server still holds after a full collection (nothing calls it otherwise).
 *
 * Every child runs with NODE_ENV=production, as a deployed server would: graphql-js checks each
 * `instanceOf` across realms unless it is set (about 5% of hrgraph's CPU on a directory page),
 * and Apollo Gateway reads it too. hrgraph's own development mode is set apart, off here.
 */
export function startChild(script: string): ChildHandle {
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', 'tsx', '--import', loopbackOnly, '--expose-gc'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', function settle(reply: Reply) {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new Error(reply.error));
  });
  child.once('exit', function failPending(code) {
    for (const waiter of pending.values()) waiter.reject(new Error(`${script} exited (${code})`));
    pending.clear();
  });
  return {
    call<T>(type: string, payload?: unknown) {
      return new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, type, payload } satisfies Request);
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      await this.call('close').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Peak and current resident set size of a process. */
export interface MemoryReading {
  readonly peakRssBytes: number;
  readonly rssBytes: number;
  /** The JavaScript heap in use, to tell retained objects from a heap V8 chose to grow. */
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  /** Buffers and other memory outside the heap. */
  readonly externalBytes: number;
}

/** After a full garbage collection, where the process allows one. */
export function readMemoryAfterGc(): MemoryReading {
  (globalThis as { gc?: () => void }).gc?.();
  return readMemory();
}

export function readMemory(): MemoryReading {
  const usage = process.memoryUsage();
  // maxRSS is in kibibytes: the high-water mark of this process's life.
  return {
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
  };
}
