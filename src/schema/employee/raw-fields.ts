/**
 * The escape hatches: provider fields by the client's own names. Names are resolved against the
 * provider's field catalogue (an unknown name is a BAD_USER_INPUT naming it) and loaded in the
 * same planned batch as every other field.
 */

import type { RawFieldRef } from '../../core/contract/index.js';
import { badInput } from '../../core/errors.js';
import type { AccountId } from '../../core/ids.js';
import type { HrLoaders } from '../../loaders/types.js';
import { builder } from '../builder.js';
import type { HrContext } from '../context.js';
import { EmployeeRef } from '../refs.js';

/** BambooHR allows up to 1,000 custom fields; more names than that is a mistake, not a need. */
const maxNames = 1000;

function checkNames(names: readonly string[], argument: string) {
  if (names.length > maxNames) {
    throw badInput(`\`${argument}\` takes at most ${maxNames} names.`, { argument });
  }
}

/**
 * Failures already reported in a request, keyed by its loaders so nothing outlives it. Names
 * resolve alike for every employee of a request, so their failure is one failure.
 */
const reported = new WeakMap<HrLoaders, Set<string>>();

/**
 * The names resolved against the account's catalogue (once per request, by the loaders). When
 * that fails, the error is reported once per request, per field and list of names: at the first
 * employee whose field asked (the first in the response), while every other employee's field is
 * null without an error of its own. One error at one path with nulls elsewhere is how GraphQL
 * clients expect one failure to look; an error per employee repeated it hundreds of times.
 */
async function resolveOnce(
  ctx: HrContext,
  field: string,
  account: AccountId,
  names: readonly string[],
): Promise<RawFieldRef[] | null> {
  try {
    return await ctx.loaders.resolveRawFields(account, names);
  } catch (error) {
    let seen = reported.get(ctx.loaders);
    if (!seen) {
      seen = new Set();
      reported.set(ctx.loaders, seen);
    }
    const key = JSON.stringify([field, account, names]);
    if (seen.has(key)) return null;
    seen.add(key);
    throw error;
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
      "Provider fields by name, alias or id (`Account.customFields` lists an account's custom ones), as an object keyed by the names given here. A name the provider does not know is a BAD_USER_INPUT error, reported once per request at the first employee asking; every employee's `customFields` with those names is then null.",
    args: { names: t.arg.stringList({ required: true }) },
    resolve: async (ref, { names }, ctx) => {
      checkNames(names, 'names');
      if (names.length === 0) return {};
      const fields = await resolveOnce(ctx, 'customFields', ref.accountId, names);
      if (fields === null) return null;
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
      "The raw provider record, keyed by the provider's field keys: its default fields plus any named in `fields`. An unknown name is reported once per request, as for `customFields`.",
    args: { fields: t.arg.stringList() },
    resolve: async (ref, args, ctx) => {
      const named = args.fields ?? [];
      checkNames(named, 'fields');
      const extra =
        named.length > 0 ? await resolveOnce(ctx, 'remoteData', ref.accountId, named) : [];
      if (extra === null) return null;
      const keys = new Set([
        ...ctx.loaders.defaultRawFields(ref.accountId),
        ...extra.map((field) => field.key),
      ]);
      return ctx.loaders.employeeRaw(ref, [...keys]);
    },
  }),
}));
