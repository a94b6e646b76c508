/**
 * Gusto custom fields: `Account.customFields` lists the company's custom fields
 * (GET /v1/companies/{id}/custom_fields, cached per account), by the name `customFields(names:)`
 * takes; an unknown name is one error per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectListedThenCached,
  expectUnknownReportedOnce,
  readNames,
} from '../../../e2e/support/custom-fields.js';
import { type GustoFixture, startGusto } from '../../../support/gusto.js';

let gusto: GustoFixture;
beforeAll(async () => {
  gusto = await startGusto({ company: { seed: 6, size: 40, customFieldCount: 7 } });
});
afterAll(() => gusto.close());

/** The company's custom fields as the sandbox answers them, asked directly, as hrgraph should list them. */
async function asGustoListsThem() {
  const { accessToken } = gusto.sandbox.issueTokens();
  const response = await gusto.sandbox.app.fetch(
    new Request(`${gusto.baseUrl}/v1/companies/${gusto.sandbox.companyUuid}/custom_fields`, {
      headers: { authorization: `Bearer ${accessToken}` },
    }),
  );
  const body = (await response.json()) as { custom_fields: { name: string; type: string }[] };
  return body.custom_fields.map((field) => ({
    name: field.name,
    key: `custom_fields.${field.name}`,
    label: field.name,
    type: field.type,
  }));
}

describe('Account.customFields (Gusto)', () => {
  it('lists the company’s custom fields, and every name reads in customFields(names:) from the page call alone', async () => {
    const expected = await asGustoListsThem();
    expect(expected).toHaveLength(7);
    gusto.resetCounts();
    const names = await expectListedThenCached(gusto.query, 'gusto', expected, [
      'gusto.customFields',
    ]);
    expect(gusto.apiCalls()).toBe(1);
    const { nodes, calls } = await readNames(gusto.query, 'gusto', names);
    for (const node of nodes) expect(Object.keys(node.customFields as object)).toEqual(names);
    expect(calls).toEqual(['gusto.employees.list']);
  });
});

describe('An unknown field name is one error per request (Gusto)', () => {
  it('one BAD_USER_INPUT at the first employee, null for all 12, only the page call', async () => {
    const { message, calls } = await expectUnknownReportedOnce(gusto.query, 'gusto', {
      known: 'title',
      unknown: 'noSuchField',
    });
    expect([message, calls]).toEqual([
      'Unknown Gusto employee fields: noSuchField',
      ['gusto.employees.list'],
    ]);
  });
});
