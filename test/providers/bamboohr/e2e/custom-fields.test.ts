/**
 * BambooHR custom fields: `Account.customFields` lists the company's own fields from
 * /meta/fields (one call, then cached per account for five minutes), and an unknown name in
 * `customFields(names:)` or `remoteData(fields:)` is one error per request, not one per employee.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectListedThenCached,
  expectUnknownReportedOnce,
  readNames,
} from '../../../e2e/support/custom-fields.js';
import { graphqlOver, type HrGraphFixture, startHrGraph } from '../../../support/hrgraph.js';

let hr: HrGraphFixture;
beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 40, customFieldCount: 12, seed: 5 } });
});
afterAll(() => hr.close());

const company = () => hr.bamboo.sandbox.company.data;
const asBambooHrLists = () =>
  company().customFields.map((field) => ({
    name: field.alias,
    key: field.alias,
    label: field.name,
    type: field.type,
  }));

describe('Account.customFields (BambooHR)', () => {
  it('lists the company’s custom fields from /meta/fields: one call, then none for five minutes', async () => {
    await expectListedThenCached(hr.query, 'acme', asBambooHrLists(), ['bamboohr.metaFields']);
  });

  it('every name it lists reads in customFields(names:), in the page’s one report', async () => {
    const names = await expectListedThenCached(hr.query, 'acme-oauth', asBambooHrLists(), [
      'bamboohr.metaFields',
    ]);
    const { nodes, calls } = await readNames(hr.query, 'acme-oauth', names);
    for (const node of nodes) {
      const person = company().person(Number(node.remoteId))!;
      const values = company().customFields.map((f) => [f.alias, company().customValue(person, f)]);
      expect(node.customFields).toEqual(Object.fromEntries(values));
    }
    expect(calls).toEqual(['bamboohr.listEmployees', 'bamboohr.customReport']);
  });

  it('an account whose provider keeps no custom fields lists none, at no cost', async () => {
    const caps = hr.bamboo.apiKey.capabilities;
    const without = { ...hr.bamboo.apiKey, capabilities: { ...caps, customFields: false } };
    await expectListedThenCached(graphqlOver([without]), 'acme', [], []);
  });
});

describe('An unknown field name is one error per request (BambooHR)', () => {
  it('customFields(names:): one BAD_USER_INPUT at the first employee, null for all 20, no value call', async () => {
    const { message, calls } = await expectUnknownReportedOnce(hr.query, 'acme', {
      known: 'customShirtSize',
      unknown: 'noSuchField',
      first: 20,
    });
    expect(message).toBe('Unknown BambooHR field: noSuchField');
    // The catalogue is cached; the page still loads, and nothing is read for the failed names.
    expect(calls).toEqual(['bamboohr.datasetEmployees']);
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
