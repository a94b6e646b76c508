/**
 * Change events: what a provider tells hrgraph about people who were hired, changed or left,
 * pushed to hrgraph's receiver (webhooks, event hooks, watch channels) and pulled by catch-up
 * polling. Push and pull feed one stream, deduplicated by `ChangeEvent.key`: the same change must
 * carry the same key whichever way it arrived, which is each provider's job to guarantee (from
 * the provider's own event id where push and pull share one, or from employee id and change time).
 */
import type { CallContext } from './call-context.js';

export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

export interface ChangeEvent {
  /** Idempotency key, stable across push and pull and across redeliveries of the same change. */
  readonly key: string;
  /** The provider's own employee id (the loaders turn it into an Employee). */
  readonly employeeId: string;
  readonly kind: ChangeKind;
  /** When the provider says the change happened (ISO 8601 instant), as it sent it. */
  readonly changedAt: string;
  /** The provider's names of the changed fields when it says which; null when it does not. */
  readonly changedFields: readonly string[] | null;
}

/**
 * One poll's answer. `highWaterMark` is opaque to everyone but the provider: hrgraph stores it
 * durably only after the page's events are queued, and passes it back on the next poll, so a
 * crash between the two repeats events (deduplicated by key) and never skips them.
 */
export interface ChangePage {
  readonly events: readonly ChangeEvent[];
  readonly highWaterMark: string;
  /** True when the provider has more after this page (poll again at once). */
  readonly more: boolean;
}

/** A webhook delivery as the receiver read it, before anything trusted it. */
export interface WebhookDelivery {
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body bytes: signatures are over them, not over a re-serialisation. */
  readonly body: Uint8Array;
  readonly receivedAt: Date;
}

export type WebhookVerdict =
  | { readonly ok: true; readonly events: readonly ChangeEvent[] }
  /** `reply` is a handshake the provider expects answered (a verification challenge). */
  | { readonly ok: true; readonly events: readonly []; readonly reply: WebhookReply }
  | { readonly ok: false; readonly reason: 'signature' | 'stale' | 'malformed' };

export interface WebhookReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A registration hrgraph made with the provider, as the provider now sees it. */
export type RegistrationState = 'active' | 'inactive' | 'missing';

export interface ChangePush {
  /**
   * Registers hrgraph's receiver `url`, signed with `secret`, for the fields hrgraph reads.
   * Returns the provider's id of the registration, kept with the account.
   */
  register(input: { url: string; secret: string }, ctx: CallContext): Promise<string>;
  unregister(registrationId: string, ctx: CallContext): Promise<void>;
  /** Whether the provider still delivers to the registration (BambooHR stops some on its own). */
  inspect(registrationId: string, ctx: CallContext): Promise<RegistrationState>;
  /**
   * Checks a delivery's signature in constant time and its timestamp against `now` (stale ones
   * refused), then reads its events. Never throws on bad input: a forged or broken delivery is a
   * verdict, counted by the receiver.
   */
  verify(delivery: WebhookDelivery, secret: string, now: Date): WebhookVerdict;
}

/** A provider's change events; absent on an adapter whose provider offers neither push nor pull. */
export interface ProviderChanges {
  /** Events after `highWaterMark`, oldest first; null asks for a mark of "now" and no events. */
  poll(highWaterMark: string | null, ctx: CallContext): Promise<ChangePage>;
  /**
   * A high-water mark standing just before `instant` (ISO 8601), so polling from it returns the
   * changes since then (`employees(changedSince:)`); absent when the provider cannot look back
   * by time.
   */
  markAt?(instant: string): string;
  /** Absent when the provider has no push (or none hrgraph can register): hrgraph polls only. */
  readonly push?: ChangePush;
}
