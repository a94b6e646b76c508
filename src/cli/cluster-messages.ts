/**
 * What the primary and the workers of `hrgraph serve --workers N` say to each other over the IPC
 * channel node:cluster opens between them. Every message carries `hrgraph`, its kind, so
 * node:cluster's own messages on the same channel pass by.
 */

/** Secrets travel base64 in these messages: over the IPC pipe only, never in an environment. */
export type PrimaryMessage =
  /** The answer to `hello`: what every worker must share (cluster-worker.ts). */
  | {
      readonly hrgraph: 'config';
      readonly workers: number;
      /** The cursor-signing key, when HRGRAPH_CURSOR_KEY does not give one. */
      readonly cursorKey: string | null;
      /** The OAuth `state` signing key: a flow begun at one worker ends at another. */
      readonly stateKey: string;
    }
  | PauseMessage
  | { readonly hrgraph: 'accounts-changed' };

export type WorkerMessage =
  | { readonly hrgraph: 'hello' }
  | { readonly hrgraph: 'ready'; readonly url: string; readonly banner: string }
  | PauseMessage
  | { readonly hrgraph: 'accounts-changed' };

/** A provider asked `accountId` for quiet until `until` (epoch ms): told to every worker. */
export interface PauseMessage {
  readonly hrgraph: 'pause';
  readonly accountId: string;
  readonly until: number;
}

type AnyMessage = PrimaryMessage | WorkerMessage;

/** Whether `value` is hrgraph's message of this kind (not one of node:cluster's own). */
export function isMessage<K extends AnyMessage['hrgraph']>(
  value: unknown,
  kind: K,
): value is Extract<AnyMessage, { hrgraph: K }> {
  return (
    typeof value === 'object' && value !== null && (value as { hrgraph?: unknown }).hrgraph === kind
  );
}
