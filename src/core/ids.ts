/**
 * Branded identifiers. An account id, a provider's own id and hrgraph's global id are all strings
 * on the wire; the brands keep one from being passed where another is meant.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** One connected provider instance, e.g. `acme-bamboohr`. Lowercase letters, digits, `-`, `_`. */
export type AccountId = Brand<string, 'AccountId'>;
/** The provider's own id for a record (an employee id, a user id, …). */
export type RemoteId = Brand<string, 'RemoteId'>;
/**
 * A provider's name (`bamboohr`), as its definition states it. A brand, not a union of names: the
 * contract names no provider, and the registry is the only list of them.
 */
export type ProviderName = Brand<string, 'ProviderName'>;

const accountIdPattern = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function isAccountId(value: string): value is AccountId {
  return accountIdPattern.test(value);
}

export function accountId(value: string): AccountId {
  if (!isAccountId(value)) {
    throw new TypeError(
      `Account ids are 1-63 lowercase letters, digits, '-' or '_', starting with a letter or digit`,
    );
  }
  return value;
}

/** Provider names are lowercase words joined by '-': `google-workspace`. */
const providerNamePattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function providerName(value: string): ProviderName {
  if (!providerNamePattern.test(value)) {
    throw new TypeError(`Provider names are lowercase words joined by '-', not ${value}`);
  }
  return value as ProviderName;
}

export function remoteId(value: string | number): RemoteId {
  return String(value) as RemoteId;
}

/** What every object hrgraph returns is addressed by: which account, which provider record. */
export interface EntityRef {
  readonly accountId: AccountId;
  readonly remoteId: RemoteId;
}
