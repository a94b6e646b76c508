/**
 * The escape hatches: provider fields by the client's own names. Names are resolved against the
 * provider's field catalogue (an unknown name is a BAD_USER_INPUT naming it) and loaded in the
 * same planned batch as every other field.
 */
import type { RawFieldRef } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import { builder } from '../builder.js';
import { EmployeeRef } from '../refs.js';

/** BambooHR allows up to 1,000 custom fields; more names than that is a mistake, not a need. */
const maxNames = 1000;

function checkNames(names: readonly string[], argument: string) {
  if (names.length > maxNames) {
    throw badInput(`\`${argument}\` takes at most ${maxNames} names.`, { argument });
  }
}

/**
 * The keys of resolved fields, once per resolution: the loaders hand every row of a page the same
 * resolution, and a wide page asks hundreds of names of each of a thousand rows.
 */
const resolvedKeys = new WeakMap<readonly RawFieldRef[], readonly string[]>();
function keysOf(fields: readonly RawFieldRef[]): readonly string[] {
  let keys = resolvedKeys.get(fields);
  if (!keys) {
    keys = fields.map((field) => field.key);
    resolvedKeys.set(fields, keys);
  }
  return keys;
}

builder.objectFields(EmployeeRef, (t) => ({
  customFields: t.field({
    type: 'JSON',
    description:
      'Provider fields by name, alias or id, as an object keyed by the names given here. A name the provider does not know is an error.',
    args: { names: t.arg.stringList({ required: true }) },
    resolve: async (ref, { names }, ctx) => {
      checkNames(names, 'names');
      if (names.length === 0) return {};
      const fields = await ctx.loaders.resolveRawFields(ref.accountId, names);
      const values = await ctx.loaders.employeeRaw(ref, keysOf(fields));
      // Reports write an unset value as '' where Get Employee writes null: both mean no value.
      const out: Record<string, unknown> = {};
      for (const { key, requestedAs } of fields) {
        const value = values[key];
        out[requestedAs] = value === '' ? null : (value ?? null);
      }
      return out;
    },
  }),
  remoteData: t.field({
    type: 'JSON',
    description:
      "The raw provider record, keyed by the provider's field keys: its default fields plus any named in `fields`.",
    args: { fields: t.arg.stringList() },
    resolve: async (ref, args, ctx) => {
      const named = args.fields ?? [];
      checkNames(named, 'fields');
      const extra =
        named.length > 0 ? await ctx.loaders.resolveRawFields(ref.accountId, named) : [];
      const keys = new Set([
        ...ctx.loaders.defaultRawFields(ref.accountId),
        ...extra.map((field) => field.key),
      ]);
      return ctx.loaders.employeeRaw(ref, [...keys]);
    },
  }),
}));
