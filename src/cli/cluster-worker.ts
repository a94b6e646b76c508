/**
 * One worker of `hrgraph serve --workers N` (the primary is cluster.ts): it asks the primary for
 * what every worker must share, serves as `hrgraph serve` does on the port they all share, and
 * stops when told to, or when the primary is gone (its IPC channel closes), so no worker outlives
 * it.
 *
 * Shared: the cursor-signing key (a cursor one worker minted is good at another), the OAuth
 * `state` key (a flow begun at one worker ends at another), provider pauses (Retry-After) and
 * word that an account was connected. Each worker keeps 1/N of every account's request budget.
 * Per worker, and fine so: the lookup and metadata caches, and the DataLoaders of each request.
 * The account store and the refresh lock are the SQLite file itself (refresh-lock.ts).
 */
import cluster from 'node:cluster';
import type { PauseChannel } from '../http/worker-share.js';
import { isMessage, type PrimaryMessage, type WorkerMessage } from './cluster-messages.js';
import type { ServeOptions } from './serve.js';

/** What a worker shares with the others, as `runServe` takes it. */
export interface WorkerShare {
  /** This worker's number (node:cluster's), told in each response's `hrgraph-worker` header. */
  readonly id: number;
  /** Workers in all: each keeps this part of every account's request budget. */
  readonly count: number;
  /** Signs cursors in every worker; null: HRGRAPH_CURSOR_KEY gives it. */
  readonly cursorKey: Uint8Array | null;
  /** Signs OAuth `state` in every worker. */
  readonly stateKey: Uint8Array;
  readonly pauses: PauseChannel;
  /** Tells the other workers an account was connected here, and hears when one was there. */
  readonly accountsChanged: {
    publish(): void;
    subscribe(listener: () => void): () => void;
  };
}

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** A set of listeners fed by one kind of message from the primary. */
function listeners<A extends unknown[]>() {
  const set = new Set<(...args: A) => void>();
  return {
    add(listener: (...args: A) => void) {
      set.add(listener);
      return () => void set.delete(listener);
    },
    tell: (...args: A) => {
      for (const listener of set) listener(...args);
    },
  };
}

/** Waits for the primary's `config`, which carries the keys every worker signs with. */
function shareFromPrimary(): Promise<WorkerShare> {
  const paused = listeners<[string, number]>();
  const changed = listeners<[]>();
  return new Promise((resolve) => {
    process.on('message', function fromPrimary(message: PrimaryMessage) {
      if (isMessage(message, 'pause')) paused.tell(message.accountId, message.until);
      if (isMessage(message, 'accounts-changed')) changed.tell();
      if (!isMessage(message, 'config')) return;
      resolve({
        id: cluster.worker?.id ?? 0,
        count: message.workers,
        cursorKey: message.cursorKey === null ? null : Buffer.from(message.cursorKey, 'base64'),
        stateKey: Buffer.from(message.stateKey, 'base64'),
        pauses: {
          publish: (accountId, until) => send({ hrgraph: 'pause', accountId, until }),
          subscribe: paused.add,
        },
        accountsChanged: {
          publish: () => send({ hrgraph: 'accounts-changed' }),
          subscribe: changed.add,
        },
      });
    });
    send({ hrgraph: 'hello' });
  });
}

/** Serves as this worker until told to stop; throws (the process then exits 1) if it cannot start. */
export async function runWorker(options: ServeOptions): Promise<void> {
  const worker = await shareFromPrimary();
  const { id } = worker;
  const log = {
    info: (message: string) => process.stderr.write(`hrgraph (worker ${id}): ${message}\n`),
    warn: (message: string) => process.stderr.write(`hrgraph (worker ${id}): ${message}\n`),
  };
  // Rare (a provider's 429 or 503 with Retry-After), and it explains a worker's slow answers.
  worker.pauses.subscribe(function tellPause(accountId, until) {
    log.info(
      `${accountId}: paused until ${new Date(until).toISOString()}, as another worker was asked`,
    );
  });
  let banner = '';
  const handle = await (await import('./serve.js'))
    .runServe({
      ...options,
      worker,
      // The primary prints the one banner, for all of them.
      write: (text) => {
        banner += text;
      },
      handleSignals: false,
      log,
    })
    .catch((error: unknown) => {
      // The IPC channel, listened to, would keep this process alive after main.ts reports the
      // error, and the primary would wait for it forever (a port in use, a bad config file).
      process.channel?.unref();
      throw error;
    });
  send({ hrgraph: 'ready', url: handle.url, banner });
  let stopping = false;
  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await handle.stop();
    // The IPC channel would keep the process alive.
    process.exit(0);
  }
  // Ctrl+C reaches every process of the terminal's group; the primary sends SIGTERM.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
}
