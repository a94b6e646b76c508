/**
 * What a unified value may be, given what the replies held: the provider's own normalisation of
 * each record a reply held for the employee (and of them merged, as the loaders' store merges
 * them). A value that equals none of these was not in any reply.
 */
import type { EmployeeCatalog, HistorySource } from '../../../src/core/contract/index.js';
import { isAlternateRef, keyArgument } from '../../../src/core/contract/index.js';
import { isHrError } from '../../../src/core/errors.js';
import { type AccountId, accountId, type RemoteId } from '../../../src/core/ids.js';
import type { EmployeeField } from '../../../src/core/model.js';
import { type HeldRecord, type Oracle, Unverifiable } from './oracle.js';

/** `unverifiable`: the value needs a lookup no reply of the case fed. */
export type Expected = { readonly candidates: readonly unknown[] } | 'unverifiable';

function merged(records: readonly HeldRecord[], id: string, idKey: string) {
  const all = new Map<string, unknown>();
  for (const record of records) for (const [k, v] of record.values) all.set(k, v);
  all.set(idKey, id);
  return all;
}

function attempt(compute: () => unknown[]): Expected {
  try {
    return { candidates: compute() };
  } catch (error) {
    if (error instanceof Unverifiable) return 'unverifiable';
    throw error;
  }
}

/**
 * Candidates for one field: none when a reply held the employee but never the field's keys (so
 * a null there was never said by the provider), null alone when the provider supplies no such
 * field or no reply held the employee at all.
 */
export function expectedField(
  oracle: Oracle,
  catalog: EmployeeCatalog,
  account: string,
  id: string,
  field: EmployeeField,
): Expected {
  const keys = catalog.sources[field] ?? [];
  const records = oracle.records(account, id);
  if (keys.length === 0 || records.length === 0) return { candidates: [null] };
  const holding = records.filter((r) => keys.some((k) => r.values.has(k)));
  if (holding.length === 0) return { candidates: [] };
  const lookups = oracle.lookups(account);
  const withId = (values: ReadonlyMap<string, unknown>) =>
    new Map([...values, [catalog.idKey, id]]) as ReadonlyMap<string, unknown>;
  // A record the provider's normalisation refuses (a coded error) offers no value: hrgraph must
  // show the error there, which the walk has already accepted.
  const refused = (compute: () => unknown) => {
    try {
      return [compute()];
    } catch (error) {
      if (isHrError(error)) return [];
      throw error;
    }
  };
  return attempt(() =>
    [
      ...refused(() => catalog.normalize(field, merged(holding, id, catalog.idKey), lookups)),
      ...holding.flatMap((r) => refused(() => catalog.normalize(field, withId(r.values), lookups))),
    ].flatMap((value) =>
      isAlternateRef(value) ? referenced(oracle, catalog, account, value) : [value],
    ),
  );
}

/**
 * The ids a reference by an alternate key may resolve to: a held record whose own key is the
 * value, or one a read by that value answered (an alias); null when none was held.
 */
function referenced(
  oracle: Oracle,
  catalog: EmployeeCatalog,
  account: string,
  ref: { readonly key: string; readonly value: string },
): unknown[] {
  const key = catalog.alternateKeys?.[ref.key];
  const ids = oracle
    .held(account)
    .filter((r) => r.askedBy?.[ref.key] === ref.value || key?.keyOf(r.values) === ref.value)
    .map((r) => r.id);
  return ids.length > 0 ? [...new Set(ids)] : [null];
}

export type HistoryKind =
  | 'employments'
  | 'compensations'
  | 'statusHistory'
  | 'timeOff'
  | 'timeOffBalances';

/** A history key's name (`table`, `timeOff`, `balances`) or the key itself when it takes none. */
function keyName(key: string) {
  return keyArgument(key)?.name ?? key;
}

const sampleArgs: Record<HistoryKind, unknown> = {
  employments: undefined,
  compensations: undefined,
  statusHistory: undefined,
  timeOff: { start: '2000-01-01', end: '2000-01-31' },
  timeOffBalances: null,
};

/**
 * The rows of one history each held value of its key makes (any window, any as-of date): the
 * rows a GraphQL list may show. Null when no reply held the key for the employee.
 */
export function expectedRows(
  oracle: Oracle,
  catalog: EmployeeCatalog,
  account: string,
  id: string,
  kind: HistoryKind,
): { rows: readonly Record<string, unknown>[]; values: number } | 'unverifiable' | null {
  const source = catalog.histories[kind] as HistorySource<unknown, unknown> | undefined;
  if (!source) return null;
  const sourceKey = source.key(sampleArgs[kind]);
  const name = keyName(sourceKey);
  const owner = { accountId: accountId(account) as AccountId, remoteId: id as RemoteId };
  // Time off is keyed by its window, and any window a reply held is the same history; a table's
  // argument names the table (BambooHR's jobInfo, employmentStatus), another history entirely.
  const windowed = kind === 'timeOff' || kind === 'timeOffBalances';
  const values: unknown[] = [];
  for (const record of oracle.records(account, id)) {
    for (const [k, v] of record.values) {
      if (k === sourceKey || (windowed && keyArgument(k) !== null && keyName(k) === name)) {
        values.push(v);
      }
    }
  }
  if (values.length === 0) return null;
  // A value the provider's rows refuse (a coded error) offers no rows: hrgraph must show the
  // error at the history, which the walk has already accepted.
  const rowsOf = (value: unknown) => {
    try {
      return source.rows(value, owner, oracle.lookups(account), sampleArgs[kind]) as Record<
        string,
        unknown
      >[];
    } catch (error) {
      if (isHrError(error)) return [];
      throw error;
    }
  };
  const result = attempt(() => values.flatMap(rowsOf));
  return result === 'unverifiable'
    ? result
    : { rows: result.candidates as Record<string, unknown>[], values: values.length };
}
