/**
 * Okta custom attributes: `Account.customFields` lists the default user type's custom
 * attributes (its schema's `custom` part: name, title, type), one getUserSchema call cached per
 * account; an unknown attribute in `customFields(names:)` is one error per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../support/hrgraph.js';
import { type OktaFixture, startOkta } from '../../support/okta.js';
import {
  customFieldsOfPage,
  expectReportedOnce,
  listCustomFields,
} from '../support/custom-fields.js';

let okta: OktaFixture;
beforeAll(async () => {
  okta = await startOkta({
    company: { size: 40, seed: 3, customFieldCount: 8 },
    customAttributeCount: 6,
  });
});
afterAll(() => okta.close());

describe('Account.customFields (Okta)', () => {
  it('lists the user schema’s custom attributes: one getUserSchema, then none while cached', async () => {
    const first = await listCustomFields(okta.query, 'okta');
    expect(first.fields).toEqual(
      okta.sandbox.directory.customAttributes.map((a) => ({
        name: a.name,
        key: a.name,
        label: a.title,
        type: a.type,
      })),
    );
    expect(operations(first.upstream)).toEqual(['okta.getUserSchema']);
    const again = await listCustomFields(okta.query, 'okta');
    expect(again.fields).toEqual(first.fields);
    expect(again.upstream.calls).toBe(0);
  });

  it('every name it lists reads in customFields(names:), from the page call alone', async () => {
    const { fields } = await listCustomFields(okta.query, 'okta');
    const result = await customFieldsOfPage(
      okta.query,
      'okta',
      fields.map((f) => f.name),
      5,
    );
    expect(result.errors).toBeUndefined();
    for (const node of result.data!.employees.nodes) {
      const person = okta.sandbox.company.people.find((p) => p.workEmail === node.workEmail)!;
      const profile = okta.sandbox.directory.profile(person);
      expect(node.customFields).toEqual(
        Object.fromEntries(fields.map((f) => [f.name, profile[f.name] ?? null])),
      );
    }
    expect(operations(result.upstream)).toEqual(['okta.listUsers']);
  });
});

describe('An unknown attribute name is one error per request (Okta)', () => {
  it('one BAD_USER_INPUT at the first employee, null for all 12, only the page call', async () => {
    const result = await customFieldsOfPage(okta.query, 'okta', ['title', 'noSuchField'], 12);
    expectReportedOnce(result, ['noSuchField'], 12);
    expect(result.errors![0]!.message).toBe('Unknown Okta profile attribute: noSuchField');
    expect(operations(result.upstream)).toEqual(['okta.listUsers']);
  });
});
