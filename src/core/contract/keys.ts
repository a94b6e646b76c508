/**
 * Provider keys: one field of a provider's employee record as the provider names it
 * (`firstName`, `supervisorEId`, `custom_fields.Shirt size`). History tables and windowed reads
 * are keys too, and those carry their argument after an `@` (`table@jobInfo`,
 * `timeOff@2026-12-01/2026-12-31`, `balances@2026-12-03`): build and read them only through
 * these two helpers, so no module hand-formats one.
 */
export type ProviderKey = string;

const separator = '@';

/** A key that carries an argument: `argumentKey('timeOff', '2026-12-01/2026-12-31')`. */
export function argumentKey(name: string, argument: string): ProviderKey {
  return `${name}${separator}${argument}`;
}

/** The name and argument of a key built by `argumentKey`; null for a plain field key. */
export function keyArgument(key: ProviderKey): { name: string; argument: string } | null {
  const at = key.indexOf(separator);
  return at < 0 ? null : { name: key.slice(0, at), argument: key.slice(at + 1) };
}
