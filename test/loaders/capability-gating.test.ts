/**
 * Issue 7: a field the account's provider cannot supply resolves to null without an upstream
 * call, and a provider whose cursor walks forward only refuses `last`/`before` instead of
 * answering from a partial walk. Driven through the real loaders and schema over a scripted
 * provider that records every call it runs.
 */
import { describe, expect, it } from 'vitest';
import type {
  EmployeeCatalog,
  LookupCatalog,
  ProviderAdapter,
  RawReply,
} from '../../src/core/contract/index.js';
import { accountId, providerName } from '../../src/core/ids.js';
import { capabilitiesOf } from '../../src/providers/capabilities.js';
import { graphqlOver } from '../support/hrgraph.js';

function directoryProvider() {
  const calls: string[] = [];
  const people = ['1', '2', '3'].map((id) => ({
    id,
    values: { firstName: `First${id}`, lastName: `Last${id}`, workEmail: `p${id}@acme.test` },
  }));
  const reply = (person: (typeof people)[number], keys: readonly string[]): RawReply => ({
    id: person.id,
    values: new Map(keys.map((key) => [key, person.values[key as keyof typeof person.values]])),
  });
  const employees: EmployeeCatalog = {
    isRemoteId: (id) => /^\d+$/.test(id),
    idKey: 'id',
    sources: { firstName: ['firstName'], lastName: ['lastName'], workEmail: ['workEmail'] },
    normalize: (field, record) => record.get(field) as never,
    histories: {},
    list: {
      filters: [],
      orders: [],
      maxPageSize: 2,
      directions: ['forward'],
      carries: (keys) => keys,
      async run({ page, keys }) {
        calls.push(`list:${keys.join(',')}`);
        const start = page.native === null ? 0 : Number(page.native);
        const records = people.slice(start, start + page.limit).map((p) => reply(p, keys));
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
        name: 'load',
        supplies: () => true,
        limits: { fieldsPerCall: 10, idsPerCall: { kind: 'many', max: 10 } },
        bytesPerRecord: 1,
        async run(call) {
          calls.push(`load:${call.fields.join(',')}`);
          return people.filter((p) => call.ids.includes(p.id)).map((p) => reply(p, call.fields));
        },
      },
    ],
    rawFields: { needs: [], resolve: () => [], defaults: [] },
  };
  const lookups: LookupCatalog = { reads: {} };
  const adapter: ProviderAdapter = {
    provider: providerName('bamboohr'),
    accountId: accountId('directory'),
    authKind: 'apiKey',
    capabilities: capabilitiesOf(employees, lookups, { customFields: false }),
    employees,
    lookups,
    company: async () => {
      calls.push('company');
      throw new Error('company must not be called');
    },
  };
  return { adapter, calls };
}

describe('fields a provider cannot supply', () => {
  it('resolve to null with no provider call, beside the fields it does supply', async () => {
    const { adapter, calls } = directoryProvider();
    const query = graphqlOver([adapter]);
    const result = await query<{
      account: { employees: { nodes: Record<string, unknown>[] } };
    }>(`{
      account(id: "directory") {
        employees(first: 2) {
          nodes {
            firstName workEmail hireDate jobTitle employmentStatus manager { id }
            employments { remoteId } compensations { remoteId } statusHistory { remoteId }
            timeOff { remoteId } timeOffBalances { balance } groups { id }
          }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.account.employees.nodes).toEqual(
      ['1', '2'].map((id) => ({
        firstName: `First${id}`,
        workEmail: `p${id}@acme.test`,
        hireDate: null,
        jobTitle: null,
        employmentStatus: null,
        manager: null,
        employments: null,
        compensations: null,
        statusHistory: null,
        timeOff: null,
        timeOffBalances: null,
        groups: [],
      })),
    );
    // One list call, asked only for what the provider has; nothing else.
    expect(calls).toEqual(['list:firstName,workEmail']);
  });

  it('nodes ask only for the supplied fields, and an unsupplied-only selection still checks existence', async () => {
    const { adapter, calls } = directoryProvider();
    const query = graphqlOver([adapter]);
    const ids = await query<{ account: { employees: { nodes: { id: string }[] } } }>(
      '{ account(id: "directory") { employees(first: 2) { nodes { id } } } }',
    );
    const [first] = ids.data?.account.employees.nodes ?? [];
    calls.length = 0;
    const result = await query<{ node: { lastName: string | null; hireDate: null } | null }>(
      'query($id: ID!) { node(id: $id) { ... on Employee { lastName hireDate dateOfBirth } } }',
      { id: first?.id },
    );
    expect(result.data?.node).toEqual({ lastName: 'Last1', hireDate: null, dateOfBirth: null });
    expect(calls).toEqual(['load:lastName']);
  });
});

describe('a provider whose cursor walks forward only', () => {
  it('pages forward, and refuses `last` and `before` by name without a provider call', async () => {
    const { adapter, calls } = directoryProvider();
    const query = graphqlOver([adapter]);
    const page = await query<{
      account: { employees: { pageInfo: { endCursor: string; hasNextPage: boolean } } };
    }>(
      '{ account(id: "directory") { employees(first: 2) { pageInfo { endCursor hasNextPage } } } }',
    );
    expect(page.data?.account.employees.pageInfo.hasNextPage).toBe(true);
    calls.length = 0;
    for (const args of [
      'last: 2',
      `before: "${page.data?.account.employees.pageInfo.endCursor}"`,
    ]) {
      const refused = await query(
        `{ account(id: "directory") { employees(${args}) { nodes { firstName } } } }`,
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/pages forward only: use `first` and `after`/);
    }
    expect(calls).toEqual([]);
  });
});
