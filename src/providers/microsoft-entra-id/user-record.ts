/**
 * A Graph user as the contract's record: its id exactly as Graph sent it (the loaders check it),
 * each property by its name, the manager's id under `manager`, and nested keys
 * (`onPremisesExtensionAttributes/extensionAttribute1`) read out of their parent.
 */
import type { ProviderKey, RawReply } from '../../core/contract/index.js';
import { MANAGER_KEY } from './fields.js';
import { type GraphObject, isObject } from './shapes.js';

/**
 * `asked`: the keys the call selected. Graph leaves out a directory extension the user has no
 * value for, and a manager the user does not have, so one that was asked for and is absent is
 * known to have no value, and is stored as null.
 */
export function userReply(user: GraphObject, asked: readonly ProviderKey[]): RawReply {
  const values = new Map<ProviderKey, unknown>();
  for (const key in user) {
    if (key.startsWith('@odata.') || key === MANAGER_KEY) continue;
    values.set(key, user[key]);
  }
  for (const key of asked) {
    if (key === MANAGER_KEY) {
      // An expanded manager without an id is kept as sent; normalisation refuses it.
      values.set(key, isObject(user.manager) ? (user.manager.id ?? user.manager) : null);
    } else if (key.includes('/')) {
      const [parent, child] = key.split('/', 2) as [string, string];
      const holder = user[parent];
      values.set(key, isObject(holder) ? (holder[child] ?? null) : null);
    } else if (!values.has(key)) {
      values.set(key, null);
    }
  }
  return { id: user.id, values };
}
