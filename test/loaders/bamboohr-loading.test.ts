/**
 * The data layer over the BambooHR sandbox: exact upstream call counts for the shapes the issue
 * names, counted twice — by hrgraph's recorder and by the sandbox's own request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/core/contract/index.js';
import type { EntityRef } from '../../src/core/ids.js';
import type { EmployeeField } from '../../src/core/model.js';
import { createUpstreamRecorder } from '../../src/http/recorder.js';
import { createLoaders, createLookupCache, createWalkMemory } from '../../src/loaders/index.js';
import { type BambooHrFixture, startBambooHr } from '../support/bamboohr.js';

let bamboo: BambooHrFixture;

beforeAll(async () => {
  bamboo = await startBambooHr({ company: { size: 120, customFieldCount: 700, seed: 7 } });
});
afterAll(() => bamboo.close());

// One cache for the file, as a running hrgraph has one: lookups stay cached between requests.
const lookupCache = createLookupCache();

function loadersFor(adapter: ProviderAdapter) {
  const recorder = createUpstreamRecorder();
  const loaders = createLoaders({
    adapters: [adapter],
    signal: new AbortController().signal,
    recorder,
    lookupCache,
    walks: createWalkMemory(),
  });
  return { loaders, recorder };
}

const directoryFields: EmployeeField[] = [
  'firstName',
  'lastName',
  'workEmail',
  'jobTitle',
  'manager',
];

async function customKeys(adapter: ProviderAdapter, n: number) {
  const { loaders } = loadersFor(adapter);
  const names = bamboo.sandbox.company.data.customFields.slice(0, n).map((f) => f.alias);
  return (await loaders.resolveRawFields(adapter.accountId, names)).map((r) => r.key);
}

describe('BambooHR loading: exact upstream calls', () => {
  it('a page through GET /v1/employees (OAuth) carries the directory fields it can: 1 call', async () => {
    const { loaders, recorder } = loadersFor(bamboo.oauth);
    bamboo.resetCounts();
    const page = await loaders.listEmployees(bamboo.oauth.accountId, {
      filter: {},
      order: [],
      direction: 'forward',
      limit: 50,
      native: null,
      fields: { unified: directoryFields, raw: [] },
    });
    const values = await Promise.all(
      page.records.map((ref) => loaders.employeeField(ref, 'workEmail')),
    );
    expect(page.records).toHaveLength(50);
    expect(values.every((v) => typeof v === 'string' && v.includes('@'))).toBe(true);
    expect(recorder.summary().calls).toBe(1);
    expect(bamboo.apiCalls()).toBe(1);
  });

  it('rows, not references: what the page brought is the value itself, only what it lacks a Promise', async () => {
    const { loaders, recorder } = loadersFor(bamboo.oauth);
    const page = await loaders.listEmployees(bamboo.oauth.accountId, {
      filter: {},
      order: [],
      direction: 'forward',
      limit: 5,
      native: null,
      fields: { unified: ['workEmail'], raw: [] },
    });
    const people = page.records.map(
      (row) => bamboo.sandbox.company.data.person(Number(row.remoteId))!,
    );
    // Carried by GET /v1/employees: answered from the row's stored record, no Promise, no call.
    expect(page.records.map((row) => loaders.employeeField(row, 'workEmail'))).toEqual(
      people.map((person) => person.workEmail),
    );
    // Not on the list: a loader demand, batched into one call for the page.
    const pending = page.records.map((row) => loaders.employeeField(row, 'displayName'));
    expect(pending.every((value) => value instanceof Promise)).toBe(true);
    expect((await Promise.all(pending)).every((name) => typeof name === 'string')).toBe(true);
    expect(recorder.summary().entries.map((e) => e.operation)).toEqual([
      'bamboohr.listEmployees',
      'bamboohr.customReport',
    ]);
    // Now stored: the same fields of the same rows answer at once.
    expect(
      page.records.some((row) => loaders.employeeField(row, 'displayName') instanceof Promise),
    ).toBe(false);
  });

  it('a page through the employee dataset (API key) carries up to 399 fields: 1 call', async () => {
    const { loaders, recorder } = loadersFor(bamboo.apiKey);
    const page = await loaders.listEmployees(bamboo.apiKey.accountId, {
      filter: {},
      order: [],
      direction: 'forward',
      limit: 50,
      native: null,
      fields: {
        unified: ['firstName', 'lastName', 'workEmail', 'hireDate', 'employmentStatus'],
        raw: [],
      },
    });
    const statuses = await Promise.all(
      page.records.map((ref) => loaders.employeeField(ref, 'employmentStatus')),
    );
    expect(
      statuses.every((s) => s !== null && ['ACTIVE', 'INACTIVE', 'LEAVE'].includes(s.value)),
    ).toBe(true);
    expect(recorder.summary().entries.map((e) => e.operation)).toEqual([
      'bamboohr.datasetEmployees',
    ]);
  });

  it.each([
    [1, 5],
    [1, 401],
    [50, 399],
    [50, 400],
    [50, 401],
    [100, 650],
  ])('%i employees by id × %i fields cost ⌈F/400⌉ calls', async (n, f) => {
    const keys = await customKeys(bamboo.apiKey, f);
    const { loaders, recorder } = loadersFor(bamboo.apiKey);
    const refs: EntityRef[] = Array.from({ length: n }, (_, i) => ({
      accountId: bamboo.apiKey.accountId,
      remoteId: String(i + 1) as EntityRef['remoteId'],
    }));
    bamboo.resetCounts();
    const found = await loaders.prefetchEmployees(refs, { unified: [], raw: keys });
    expect(found).toHaveLength(n);
    expect(recorder.summary().calls).toBe(Math.ceil(f / 400));
    expect(bamboo.apiCalls()).toBe(Math.ceil(f / 400));
    // Every value the sandbox holds arrives, none dropped at the 400-field seams.
    const company = bamboo.sandbox.company.data;
    const person = company.person(n)!;
    // Reports write an unset value as '' (their spec types every value as a string), Get
    // Employee as null; both mean "no value".
    const raw = Object.fromEntries(
      Object.entries(await loaders.employeeRaw(refs[n - 1]!, keys)).map(([k, v]) => [
        k,
        v === '' ? null : v,
      ]),
    );
    const expected = Object.fromEntries(
      company.customFields
        .slice(0, f)
        .map((field) => [field.alias, company.customValue(person, field)]),
    );
    expect(raw).toEqual(expected);
  });

  it('a missing or foreign id looks like a missing one, at no more cost', async () => {
    const { loaders, recorder } = loadersFor(bamboo.apiKey);
    const found = await loaders.prefetchEmployees(
      [
        { accountId: bamboo.apiKey.accountId, remoteId: '3' as EntityRef['remoteId'] },
        { accountId: bamboo.apiKey.accountId, remoteId: '999999' as EntityRef['remoteId'] },
        { accountId: bamboo.apiKey.accountId, remoteId: 'nope' as EntityRef['remoteId'] },
        { accountId: 'other' as EntityRef['accountId'], remoteId: '4' as EntityRef['remoteId'] },
      ],
      { unified: ['firstName'], raw: [] },
    );
    expect(found.map((r) => r.remoteId)).toEqual(['3']);
    expect(recorder.summary().calls).toBe(1);
  });

  it('job history for a page reads the whole table once; for one employee, their rows', async () => {
    const { loaders, recorder } = loadersFor(bamboo.apiKey);
    const refs = [1, 2, 3].map((i) => ({
      accountId: bamboo.apiKey.accountId,
      remoteId: String(i) as EntityRef['remoteId'],
    }));
    const histories = await Promise.all(refs.map((ref) => loaders.compensations(ref)));
    expect(histories.every((h) => h !== null && h.length > 0 && h[0]!.pay !== null)).toBe(true);
    expect(recorder.summary().entries.map((e) => e.operation)).toEqual([
      'bamboohr.allEmployeesTable',
    ]);

    const single = loadersFor(bamboo.apiKey);
    await single.loaders.compensations(refs[0]!);
    expect(single.recorder.summary().entries.map((e) => e.operation)).toEqual([
      'bamboohr.employeeTable',
    ]);
  });

  it('an unknown custom field name is BAD_USER_INPUT naming it', async () => {
    const { loaders } = loadersFor(bamboo.apiKey);
    await expect(
      loaders.resolveRawFields(bamboo.apiKey.accountId, ['firstName', 'noSuchField']),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', unknownFields: ['noSuchField'] },
    });
  });
});
