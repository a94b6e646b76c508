/**
 * What the hand-written server keeps between requests: BambooHR's org lists (for group ids) and
 * its field catalogue (to refuse an unknown custom field), each read once when first needed and
 * kept for the life of the process. Concurrent first requests share the one call.
 */
import type { HandApi } from '../hand-written/api.js';
import { HandInputError } from './errors.js';

interface MetaList {
  readonly alias?: string | null;
  readonly options: readonly { readonly id: number | string; readonly name: string }[];
}

interface MetaField {
  readonly id: number | string;
  readonly alias?: string;
}

export interface HandMetadata {
  /** Option id by `list:text` for the department, division and location lists. */
  optionIds(api: HandApi): Promise<ReadonlyMap<string, string>>;
  /** Throws BAD_USER_INPUT naming the fields BambooHR does not have. */
  checkFieldNames(api: HandApi, names: readonly string[]): Promise<void>;
}

export function createHandMetadata(): HandMetadata {
  let optionIds: Promise<Map<string, string>> | undefined;
  let fieldNames: Promise<Set<string>> | undefined;

  async function readOptionIds(api: HandApi) {
    const byText = new Map<string, string>();
    for (const list of await api.get<MetaList[]>('/v1/meta/lists')) {
      if (list.alias !== 'department' && list.alias !== 'division' && list.alias !== 'location')
        continue;
      for (const option of list.options)
        byText.set(`${list.alias}:${option.name}`, String(option.id));
    }
    return byText;
  }

  async function readFieldNames(api: HandApi) {
    const fields = await api.get<MetaField[]>('/v1/meta/fields');
    return new Set(
      fields.flatMap((field) => [String(field.id), ...(field.alias ? [field.alias] : [])]),
    );
  }

  // A failed read is forgotten, so the next request tries again.
  const retryable = <T>(promise: Promise<T>, forget: () => void) =>
    promise.catch((error: unknown) => {
      forget();
      throw error;
    });

  return {
    optionIds(api) {
      optionIds ??= retryable(readOptionIds(api), () => {
        optionIds = undefined;
      });
      return optionIds;
    },
    async checkFieldNames(api, names) {
      fieldNames ??= retryable(readFieldNames(api), () => {
        fieldNames = undefined;
      });
      const known = await fieldNames;
      const unknown = names.filter((name) => !known.has(name));
      if (unknown.length > 0)
        throw new HandInputError(`Unknown BambooHR field(s): ${unknown.join(', ')}`);
    },
  };
}
