/**
 * BambooHR custom fields: `Account.customFields` lists the company's own fields from
 * /meta/fields (one call, then cached per account for five minutes), and an unknown name in
 * `customFields(names:)` or `remoteData(fields:)` is one error per request, not one per employee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  graphqlOver,
  type HrGraphFixture,
  operations,
  startHrGraph,
} from '../../support/hrgraph.js';
import {
  customFieldsOfPage,
  expectReportedOnce,
  listCustomFields,
} from '../support/custom-fields.js';

let hr: HrGraphFixture;
beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 40, customFieldCount: 12, seed: 5 } });
});
afterAll(() => hr.close());

describe('Account.customFields (BambooHR)', () => {
  it('lists the company’s custom fields from /meta/fields: one call, then none for five minutes', async () => {
    const first = await listCustomFields(hr.query, 'acme');
    expect(first.fields).toEqual(
      hr.bamboo.sandbox.company.data.customFields.map((field) => ({
        name: field.alias,
        key: field.alias,
        label: field.name,
        type: field.type,
      })),
    );
    expect(operations(first.upstream)).toEqual(['bamboohr.metaFields']);
    const again = await listCustomFields(hr.query, 'acme');
    expect(again.fields).toEqual(first.fields);
    expect(again.upstream.calls).toBe(0);
  });

  it('every name it lists reads in customFields(names:), in the page’s one report', async () => {
    const { fields } = await listCustomFields(hr.query, 'acme-oauth');
    const names = fields.map((field) => field.name);
    const result = await customFieldsOfPage(hr.query, 'acme-oauth', names, 5);
    expect(result.errors).toBeUndefined();
    const company = hr.bamboo.sandbox.company.data;
    for (const node of result.data!.employees.nodes) {
      const person = company.person(Number(node.remoteId))!;
      expect(node.customFields).toEqual(
        Object.fromEntries(
          company.customFields.map((f) => [f.alias, company.customValue(person, f)]),
        ),
      );
    }
    expect(operations(result.upstream)).toEqual([
      'bamboohr.listEmployees',
      'bamboohr.customReport',
    ]);
  });

  it('an account whose provider keeps no custom fields lists none, at no cost', async () => {
    const caps = hr.bamboo.apiKey.capabilities;
    const without = { ...hr.bamboo.apiKey, capabilities: { ...caps, customFields: false } };
    const { fields, upstream } = await listCustomFields(graphqlOver([without]), 'acme');
    expect(fields).toEqual([]);
    expect(upstream.calls).toBe(0);
  });
});

describe('An unknown field name is one error per request (BambooHR)', () => {
  it('customFields(names:): one BAD_USER_INPUT at the first employee, null for all 20, no value call', async () => {
    const result = await customFieldsOfPage(
      hr.query,
      'acme',
      ['customShirtSize', 'noSuchField'],
      20,
    );
    expectReportedOnce(result, ['noSuchField'], 20);
    expect(result.errors![0]!.message).toBe('Unknown BambooHR field: noSuchField');
    // The catalogue is cached; the page still loads, and nothing is read for the failed names.
    expect(operations(result.upstream)).toEqual(['bamboohr.datasetEmployees']);
  });

  it('once per field: customFields and remoteData naming the same unknown name are one error each', async () => {
    const result = await hr.query<{ employees: { nodes: unknown[] } }>(/* GraphQL */ `{
      employees(account: "acme", first: 6) {
        nodes { a: customFields(names: ["nope"]) b: customFields(names: ["nope"]) remoteData(fields: ["nope"]) }
      }
    }`);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['employees', 'nodes', 0, 'a'],
      ['employees', 'nodes', 0, 'remoteData'],
    ]);
    expect(result.data!.employees.nodes).toEqual(
      Array.from({ length: 6 }, () => ({ a: null, b: null, remoteData: null })),
    );
  });
});
