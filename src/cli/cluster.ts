/**
 * `hrgraph serve --workers N`: the primary process. It forks N workers (node:cluster) that run
 * `hrgraph serve` with the same arguments on one shared port (cluster-worker.ts), hands each the
 * keys they must all sign with, relays provider pauses and connected accounts between them,
 * starts another worker when one dies, and stops them all on SIGINT or SIGTERM. It serves nothing
 * itself and loads none of the server.
 *
 * The first worker starts alone: it creates the store (its file, tables and key) before the others
 * open it, and a mistake (a port in use, a bad config file) is told once, by it, and ends the
 * start, where N workers would each print it.
 */
import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { isMessage, type PrimaryMessage } from './cluster-messages.js';

export interface ClusterOptions {
  /** Worker processes. */
  readonly workers: number;
  /** Refused: demo mode's sandboxes live in one process. @default false */
  readonly demo?: boolean;
  /** Where the banner and the stop notice go. @default process.stdout */
  readonly write?: (text: string) => void;
  /** Where a worker's death is told. @default process.stderr */
  readonly warn?: (text: string) => void;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How long workers may take to stop before they are killed. @default 15_000 */
  readonly stopGraceMs?: number;
  /** The longest wait before a worker that keeps dying at start is started again. @default 30_000 */
  readonly maxRestartDelayMs?: number;
}

export interface ClusterHandle {
  /** `http://HOST:PORT/graphql`, as the first worker serves it. */
  readonly url: string;
  /** Stops every worker (SIGTERM, then SIGKILL after the grace). */
  stop(): Promise<void>;
}

/**
 * Demo mode's sandboxes live in the process that serves them: N workers would serve N sets of
 * sandboxes, each with its own tokens and cursors, none honouring another's.
 */
export const demoRefusal =
  '--workers serves accounts of the store or a config file; --demo serves its in-process sandboxes from one process (leave out --workers)';

/** Why a worker stopped, in words. */
function how(code: number | null, signal: string | null): string {
  return signal ? `by ${signal}` : `with code ${code}`;
}

export async function runCluster(options: ClusterOptions): Promise<ClusterHandle> {
  const {
    workers: count,
    write = (text: string) => process.stdout.write(text),
    warn = (text: string) => process.stderr.write(text),
    env = process.env,
    stopGraceMs = 15_000,
    maxRestartDelayMs = 30_000,
  } = options;
  if (options.demo) throw new Error(demoRefusal);
  const config: PrimaryMessage = {
    hrgraph: 'config',
    workers: count,
    cursorKey: env.HRGRAPH_CURSOR_KEY ? null : randomBytes(32).toString('base64'),
    stateKey: randomBytes(32).toString('base64'),
  };
  const workers = new Set<Worker>();
  let stopping = false;
  /** Every worker of the start is ready: from now on one that dies is replaced. */
  let serving = false;
  /** Doubles for each worker that dies before it is ready; a ready one resets it. */
  let restartDelayMs = 0;

  function relay(from: Worker, message: PrimaryMessage): void {
    for (const other of workers) if (other !== from && other.isConnected()) other.send(message);
  }

  /** Forks a worker; resolves with its banner when it serves, rejects if it dies first. */
  function fork(): Promise<{ url: string; banner: string }> {
    const worker = cluster.fork();
    workers.add(worker);
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', function fromWorker(message: unknown) {
        if (isMessage(message, 'hello')) worker.send(config);
        if (isMessage(message, 'pause') || isMessage(message, 'accounts-changed')) {
          relay(worker, message);
        }
        if (isMessage(message, 'ready')) {
          ready = true;
          restartDelayMs = 0;
          resolve(message);
        }
      });
      worker.once('exit', function workerExited(code, signal) {
        workers.delete(worker);
        if (!ready) reject(new Error(`a worker could not start (it stopped ${how(code, signal)})`));
        if (stopping || !serving) return;
        warn(`hrgraph: worker ${worker.id} stopped ${how(code, signal)}; starting another\n`);
        if (!ready) restartDelayMs = Math.min(maxRestartDelayMs, restartDelayMs * 2 || 1_000);
        setTimeout(function restart() {
          if (!stopping) fork().catch(() => {});
        }, restartDelayMs).unref();
      });
    });
  }

  async function stop(): Promise<void> {
    stopping = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const exits = [...workers].map(
      (worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    );
    for (const worker of workers) worker.process.kill('SIGTERM');
    const kill = setTimeout(function killStragglers() {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, stopGraceMs);
    await Promise.all(exits);
    clearTimeout(kill);
  }
  function onSignal(): void {
    write('\nStopping hrgraph…\n');
    void stop();
  }

  let first: { url: string; banner: string };
  try {
    // The worker prints its own error; the primary only ends the start.
    first = await fork();
    await Promise.all(Array.from({ length: count - 1 }, fork));
  } catch (error) {
    await stop();
    throw error;
  }
  serving = true;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  write(first.banner);
  return { url: first.url, stop };
}
