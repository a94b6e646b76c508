/**
 * Okta custom attributes: `Account.customFields` lists the default user type's custom
 * attributes (its schema's `custom` part: name, title, type), one getUserSchema call cached per
 * account; an unknown attribute in `customFields(names:)` is one error per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectListedThenCached,
  expectUnknownReportedOnce,
  readNames,
} from '../../../e2e/support/custom-fields.js';
import { type OktaFixture, startOkta } from '../../../support/okta.js';

let okta: OktaFixture;
beforeAll(async () => {
  okta = await startOkta({
    company: { size: 40, seed: 3, customFieldCount: 8 },
    customAttributeCount: 6,
  });
});
afterAll(() => okta.close());

describe('Account.customFields (Okta)', () => {
  it('lists the user schema’s custom attributes, and every name reads in customFields(names:) from the page call alone', async () => {
    const { directory, company } = okta.sandbox;
    const expected = directory.customAttributes.map((a) => ({
      name: a.name,
      key: a.name,
      label: a.title,
      type: a.type,
    }));
    const names = await expectListedThenCached(okta.query, 'okta', expected, [
      'okta.getUserSchema',
    ]);
    const { nodes, calls } = await readNames(okta.query, 'okta', names);
    for (const node of nodes) {
      const profile = directory.profile(
        company.people.find((p) => p.workEmail === node.workEmail)!,
      );
      expect(node.customFields).toEqual(
        Object.fromEntries(names.map((n) => [n, profile[n] ?? null])),
      );
    }
    expect(calls).toEqual(['okta.listUsers']);
  });
});

describe('An unknown attribute name is one error per request (Okta)', () => {
  it('one BAD_USER_INPUT at the first employee, null for all 12, only the page call', async () => {
    const { message, calls } = await expectUnknownReportedOnce(okta.query, 'okta', {
      known: 'title',
      unknown: 'noSuchField',
    });
    expect([message, calls]).toEqual([
      'Unknown Okta profile attribute: noSuchField',
      ['okta.listUsers'],
    ]);
  });
});
