/** A provider field asked for by name, already resolved against the provider's field catalogue. */
export interface RawFieldRef {
  /** The provider's canonical key for the field, used in requests and in `remoteData`. */
  readonly key: string;
  /** The name the client used (`customShirtSize`, `Shirt Size`, `5003`). */
  readonly requestedAs: string;
}
