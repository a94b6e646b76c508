/**
 * References by an alternate key (a manager named by email, as Google names one): resolved into
 * ids from the request's stored records at no cost, else read by the key, every value of a tick
 * in one batch, the records read joining the store. Over a scripted directory whose reads by
 * email are recorded.
 */
import { describe, expect, it } from 'vitest';
import {
  type AlternateKey,
  byAlternateKey,
  type EmployeeCatalog,
  type LookupCatalog,
  type ProviderAdapter,
  type RawReply,
} from '../../src/core/contract/index.js';
import { accountId, providerName, remoteId } from '../../src/core/ids.js';
import { createUpstreamRecorder } from '../../src/http/index.js';
import { createAlternateKeys } from '../../src/loaders/alternate-keys.js';
import { createRecordStore } from '../../src/loaders/record-store.js';
import { capabilitiesOf } from '../../src/providers/capabilities.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { graphqlOver } from '../support/hrgraph.js';

interface Person {
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
  readonly managerEmail: string | null;
  readonly aliases?: readonly string[];
}

const people: readonly Person[] = [
  { id: '1', email: 'ada@acme.test', firstName: 'Ada', managerEmail: null },
  { id: '2', email: 'bo@acme.test', firstName: 'Bo', managerEmail: 'ada@acme.test' },
  { id: '3', email: 'cy@acme.test', firstName: 'Cy', managerEmail: 'ada@acme.test' },
  { id: '4', email: 'di@acme.test', firstName: 'Di', managerEmail: 'ed@acme.test' },
  {
    id: '5',
    email: 'ed@acme.test',
    firstName: 'Ed',
    managerEmail: 'ghost@acme.test',
    aliases: ['edward@acme.test'],
  },
  { id: '6', email: 'fay@acme.test', firstName: 'Fay', managerEmail: 'edward@acme.test' },
];

const values = (person: Person) =>
  new Map<string, unknown>([
    ['email', person.email],
    ['firstName', person.firstName],
    ['managerEmail', person.managerEmail],
  ]);

/** A person's record with `keys`: like Google's, it always carries the key others name it by. */
const carrying = (person: Person, keys: readonly string[]): RawReply => ({
  id: person.id,
  values: new Map([...values(person)].filter(([key]) => key === 'email' || keys.includes(key))),
});

const findByKey = (value: string) =>
  people.find((p) => p.email === value || p.aliases?.includes(value));

/** A directory that names managers by email, with `byEmail` answering as `answer` says. */
function directory(
  answer: (values: readonly string[]) => readonly RawReply[] = (asked) =>
    asked.flatMap((value) => {
      const person = findByKey(value);
      return person ? [{ id: person.id, values: values(person) }] : [];
    }),
  idsPerCall: AlternateKey['read']['idsPerCall'] = { kind: 'one' },
) {
  const calls: string[] = [];
  const email: AlternateKey = {
    keyOf: (record) => (record.get('email') as string | undefined) ?? null,
    read: {
      name: 'byEmail',
      idsPerCall,
      async run(call) {
        expect(call.fields).toEqual([]);
        calls.push(`byEmail:${call.ids.join(',')}`);
        if (call.ids.includes('down@acme.test')) throw new Error('the directory is down');
        return answer(call.ids);
      },
    },
  };
  const employees: EmployeeCatalog = {
    isRemoteId: (id) => /^\d+$/.test(id),
    idKey: 'id',
    sources: { firstName: ['firstName'], manager: ['managerEmail'] },
    normalize(field, record) {
      if (field !== 'manager') return record.get(field) as never;
      const value = record.get('managerEmail');
      return (typeof value === 'string' ? byAlternateKey('email', value) : null) as never;
    },
    histories: {},
    list: {
      filters: [],
      orders: [],
      maxPageSize: 3,
      directions: ['forward'],
      carries: (keys) => keys,
      async run({ page, keys }) {
        calls.push(`list:${keys.join(',')}`);
        const start = page.native === null ? 0 : Number(page.native);
        const records = people
          .slice(start, start + page.limit)
          .map((person) => carrying(person, keys));
        const end = start + records.length;
        return {
          records,
          next: end < people.length ? String(end) : null,
          prev: null,
          totalCount: null,
        };
      },
    },
    reads: [
      {
        name: 'byId',
        supplies: () => true,
        limits: { fieldsPerCall: 10, idsPerCall: { kind: 'one' } },
        bytesPerRecord: 1,
        async run(call) {
          calls.push(`byId:${call.ids.join(',')}`);
          const person = people.find((p) => p.id === call.ids[0]);
          if (!person) return [];
          return [carrying(person, call.fields)];
        },
      },
    ],
    alternateKeys: { email },
    rawFields: { needs: [], resolve: () => [], defaults: [] },
  };
  const lookups: LookupCatalog = { reads: {} };
  const adapter: ProviderAdapter = {
    // A registered name: the schema's `Provider` enum lists only those.
    provider: providerName('bamboohr'),
    accountId: accountId('directory'),
    authKind: 'apiKey',
    capabilities: capabilitiesOf(employees, lookups, { customFields: false }),
    employees,
    lookups,
    company: async () => {
      throw new Error('not asked');
    },
  };
  const store = createRecordStore();
  const ctx = { signal: new AbortController().signal, recorder: createUpstreamRecorder() };
  const keys = createAlternateKeys({ store, ctx });
  const stored = (person: Person) =>
    store.put(adapter.accountId, remoteId(person.id), values(person));
  const ref = (value: string) => byAlternateKey('email', value);
  return { adapter, calls, store, keys, stored, ref };
}

const person = (id: string) => people.find((p) => p.id === id)!;

describe('references by an alternate key', () => {
  it('a value a stored record holds resolves at once, with no read', () => {
    const { adapter, calls, keys, stored, ref } = directory();
    stored(person('1'));
    expect(keys.resolve(adapter, ref('ada@acme.test'))).toBe('1');
    expect(calls).toEqual([]);
  });

  it('a record stored later, or given its key later, is found too', () => {
    const { adapter, calls, keys, store, stored, ref } = directory();
    stored(person('1'));
    expect(keys.resolve(adapter, ref('ada@acme.test'))).toBe('1');
    stored(person('2'));
    // An entry a history read made first (no rows), its key arriving with a later read.
    store.putNull(adapter.accountId, remoteId('3'), ['table@jobs']);
    expect(keys.resolve(adapter, ref('bo@acme.test'))).toBe('2');
    stored(person('3'));
    expect(keys.resolve(adapter, ref('cy@acme.test'))).toBe('3');
    expect(calls).toEqual([]);
  });

  it('values no record holds are read in one batch, one call per distinct value, and what is read joins the store', async () => {
    const { adapter, calls, keys, store, ref } = directory();
    const ids = await Promise.all(
      ['ada@acme.test', 'ed@acme.test', 'ada@acme.test'].map((v) => keys.resolve(adapter, ref(v))),
    );
    expect(ids).toEqual(['1', '5', '1']);
    expect(calls).toEqual(['byEmail:ada@acme.test', 'byEmail:ed@acme.test']);
    expect(store.get(adapter.accountId, remoteId('5'))?.values.get('firstName')).toBe('Ed');
    expect(store.get(adapter.accountId, remoteId('5'))?.exists).toBe(true);
    expect(keys.resolve(adapter, ref('ed@acme.test'))).toBe('5');
    expect(calls).toHaveLength(2);
  });

  it('a value nobody has resolves to null, and is not read again', async () => {
    const { adapter, calls, keys, ref } = directory();
    await expect(keys.resolve(adapter, ref('ghost@acme.test'))).resolves.toBeNull();
    expect(keys.resolve(adapter, ref('ghost@acme.test'))).toBeNull();
    expect(calls).toEqual(['byEmail:ghost@acme.test']);
  });

  it('an alias resolves to the record answered, which its own value then finds at no cost', async () => {
    const { adapter, calls, keys, ref } = directory();
    await expect(keys.resolve(adapter, ref('edward@acme.test'))).resolves.toBe('5');
    expect(keys.resolve(adapter, ref('ed@acme.test'))).toBe('5');
    expect(calls).toEqual(['byEmail:edward@acme.test']);
  });

  it('a failed read is an error for its own values only', async () => {
    const { adapter, keys, ref } = directory();
    const [down, ada] = await Promise.allSettled([
      keys.resolve(adapter, ref('down@acme.test')),
      keys.resolve(adapter, ref('ada@acme.test')),
    ]);
    expect(down).toMatchObject({
      status: 'rejected',
      reason: { message: 'the directory is down' },
    });
    expect(ada).toEqual({ status: 'fulfilled', value: '1' });
  });

  it.each([
    ['a record without a valid id', () => [{ id: undefined, values: new Map() }]],
    [
      'several records for one value',
      () => [
        { id: '1', values: values(person('1')) },
        { id: '2', values: values(person('2')) },
      ],
    ],
  ])('%s is UPSTREAM_BAD_RESPONSE, and nothing of it is stored', async (_what, answer) => {
    const { adapter, keys, store, ref } = directory(answer);
    await expect(keys.resolve(adapter, ref('ada@acme.test'))).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', operation: 'byEmail' },
    });
    expect(store.entries(adapter.accountId).size).toBe(0);
  });

  it('with many values per call, one call reads them, and a record answering none of them is UPSTREAM_BAD_RESPONSE', async () => {
    const many = directory(undefined, { kind: 'many', max: 10 });
    await expect(
      Promise.all(
        ['ada@acme.test', 'bo@acme.test'].map((v) => many.keys.resolve(many.adapter, many.ref(v))),
      ),
    ).resolves.toEqual(['1', '2']);
    expect(many.calls).toEqual(['byEmail:ada@acme.test,bo@acme.test']);

    // Read by an alias beside another value, the record's own value answers neither asked
    // value: nothing says which one it belongs to.
    const aliased = directory(undefined, { kind: 'many', max: 10 });
    await expect(
      Promise.all(
        ['edward@acme.test', 'ada@acme.test'].map((v) =>
          aliased.keys.resolve(aliased.adapter, aliased.ref(v)),
        ),
      ),
    ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_BAD_RESPONSE' } });
    expect(aliased.store.entries(aliased.adapter.accountId).size).toBe(0);
  });
});

describe('Employee.manager by an alternate key, through the schema', () => {
  it('a manager on the page resolves at no cost', async () => {
    const { adapter, calls } = directory();
    const result = await graphqlOver([adapter])<{
      account: {
        employees: { nodes: { remoteId: string; manager: { remoteId: string } | null }[] };
      };
    }>(/* GraphQL */ `{
      account(id: "directory") { employees(first: 3) { nodes { remoteId manager { remoteId } } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(
      result.data?.account.employees.nodes.map((n) => [n.remoteId, n.manager?.remoteId ?? null]),
    ).toEqual([
      ['1', null],
      ['2', '1'],
      ['3', '1'],
    ]);
    expect(calls).toEqual(['list:managerEmail']);
  });

  it('managers off the page are one read per distinct value, which also answers their own fields', async () => {
    const { adapter, calls } = directory();
    const ids = ['2', '3', '4', '6'].map((id) =>
      toGlobalId('Employee', { accountId: adapter.accountId, remoteId: remoteId(id) }),
    );
    const result = await graphqlOver([adapter])<{
      nodes: { manager: { remoteId: string; firstName: string } | null }[];
    }>(
      /* GraphQL */ `query($ids: [ID!]!) {
        nodes(ids: $ids) { ... on Employee { manager { remoteId firstName } } }
      }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(
      result.data?.nodes.map((n) => n.manager && [n.manager.remoteId, n.manager.firstName]),
    ).toEqual([
      ['1', 'Ada'],
      ['1', 'Ada'],
      ['5', 'Ed'],
      ['5', 'Ed'],
    ]);
    // Ed is named by his address and by an alias in the same tick: both are read, nothing else.
    expect([...calls].sort()).toEqual([
      'byEmail:ada@acme.test',
      'byEmail:ed@acme.test',
      'byEmail:edward@acme.test',
      'byId:2',
      'byId:3',
      'byId:4',
      'byId:6',
    ]);
  });
});
