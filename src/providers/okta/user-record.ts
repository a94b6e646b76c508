/**
 * An Okta user as the contract's record: its id exactly as Okta sent it (the loaders check it),
 * and its top-level properties and profile attributes side by side, each by its Okta name.
 */
import type { ProviderKey, RawReply } from '../../core/contract/index.js';
import { TOP_LEVEL_KEYS } from './fields.js';
import { isObject, type OktaObject } from './shapes.js';

/**
 * `asked`: the keys a `fields` projection named. Okta leaves an unset attribute out of a user,
 * so one that was asked for and is absent is known to have no value, and is stored as null.
 */
export function userReply(user: OktaObject, asked: readonly ProviderKey[] = []): RawReply {
  const values = new Map<ProviderKey, unknown>();
  for (const key of TOP_LEVEL_KEYS) if (key in user) values.set(key, user[key]);
  const profile = isObject(user.profile) ? user.profile : {};
  for (const key in profile) if (!TOP_LEVEL_KEYS.has(key)) values.set(key, profile[key]);
  for (const key of asked) if (!values.has(key)) values.set(key, null);
  return { id: user.id, values };
}
