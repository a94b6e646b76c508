/**
 * Gusto custom fields: `Account.customFields` lists the company's custom fields
 * (GET /v1/companies/{id}/custom_fields, cached per account), by the name `customFields(names:)`
 * takes; an unknown name is one error per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GustoFixture, startGusto } from '../../support/gusto.js';
import { operations } from '../../support/hrgraph.js';
import {
  customFieldsOfPage,
  expectReportedOnce,
  listCustomFields,
} from '../support/custom-fields.js';

let gusto: GustoFixture;
beforeAll(async () => {
  gusto = await startGusto({ company: { seed: 6, size: 40, customFieldCount: 7 } });
});
afterAll(() => gusto.close());

/** The company's custom fields as the sandbox answers them, asked directly. */
async function customFieldsAsGustoListsThem() {
  const { accessToken } = gusto.sandbox.issueTokens();
  const response = await gusto.sandbox.app.fetch(
    new Request(`${gusto.baseUrl}/v1/companies/${gusto.sandbox.companyUuid}/custom_fields`, {
      headers: { authorization: `Bearer ${accessToken}` },
    }),
  );
  return ((await response.json()) as { custom_fields: { name: string; type: string }[] })
    .custom_fields;
}

describe('Account.customFields (Gusto)', () => {
  it('lists the company’s custom fields: one call, then none while cached', async () => {
    const gustoFields = await customFieldsAsGustoListsThem();
    gusto.resetCounts();
    const first = await listCustomFields(gusto.query, 'gusto');
    expect(first.fields).toEqual(
      gustoFields.map((field) => ({
        name: field.name,
        key: `custom_fields.${field.name}`,
        label: field.name,
        type: field.type,
      })),
    );
    expect(first.fields).toHaveLength(7);
    expect(operations(first.upstream)).toEqual(['gusto.customFields']);
    expect(gusto.apiCalls()).toBe(1);
    const again = await listCustomFields(gusto.query, 'gusto');
    expect(again.fields).toEqual(first.fields);
    expect(again.upstream.calls).toBe(0);
  });

  it('every name it lists reads in customFields(names:), from the page call alone', async () => {
    const { fields } = await listCustomFields(gusto.query, 'gusto');
    const names = fields.map((f) => f.name);
    const result = await customFieldsOfPage(gusto.query, 'gusto', names, 5);
    expect(result.errors).toBeUndefined();
    for (const node of result.data!.employees.nodes) {
      expect(Object.keys(node.customFields as object)).toEqual(names);
    }
    expect(operations(result.upstream)).toEqual(['gusto.employees.list']);
  });
});

describe('An unknown field name is one error per request (Gusto)', () => {
  it('one BAD_USER_INPUT at the first employee, null for all 12, only the page call', async () => {
    const result = await customFieldsOfPage(gusto.query, 'gusto', ['title', 'noSuchField'], 12);
    expectReportedOnce(result, ['noSuchField'], 12);
    expect(result.errors![0]!.message).toBe('Unknown Gusto employee fields: noSuchField');
    expect(operations(result.upstream)).toEqual(['gusto.employees.list']);
  });
});
