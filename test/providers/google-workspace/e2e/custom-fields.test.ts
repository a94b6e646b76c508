/**
 * Google Workspace custom schemas: `Account.customFields` lists every field of every custom
 * schema as `Schema.field` (schemas.list, cached per account), the names `customFields(names:)`
 * takes; an unknown name is one error per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectListedThenCached,
  expectUnknownReportedOnce,
  readNames,
} from '../../../e2e/support/custom-fields.js';
import { type GoogleFixture, startGoogleWorkspace } from '../../../support/google-workspace.js';

let google: GoogleFixture;
beforeAll(async () => {
  google = await startGoogleWorkspace({ company: { seed: 4, size: 40, customFieldCount: 6 } });
});
afterAll(() => google.close());

interface SchemaField {
  fieldName: string;
  displayName: string;
  fieldType: string;
}

/** schemas.list as the sandbox answers it, asked directly, as hrgraph should list it. */
async function asGoogleListsThem() {
  const token = google.sandbox.issueAccessToken().accessToken;
  const response = await google.sandbox.app.fetch(
    new Request(`${google.url}/admin/directory/v1/customer/my_customer/schemas`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  const { schemas } = (await response.json()) as {
    schemas: { schemaName: string; fields: SchemaField[] }[];
  };
  return schemas.flatMap(({ schemaName, fields }) =>
    fields.map((field) => ({
      name: `${schemaName}.${field.fieldName}`,
      key: `${schemaName}.${field.fieldName}`,
      label: field.displayName,
      type: field.fieldType,
    })),
  );
}

describe('Account.customFields (Google Workspace)', () => {
  it('lists every custom schema field as Schema.field, and every name reads in customFields(names:) from the page call alone', async () => {
    const expected = await asGoogleListsThem();
    expect(expected.length).toBeGreaterThan(6);
    const names = await expectListedThenCached(google.query, 'acme-google', expected, [
      'google.schemas.list',
    ]);
    const { nodes, calls } = await readNames(google.query, 'acme-google', names);
    for (const node of nodes) {
      const person = google.sandbox.company.people.find((p) => p.workEmail === node.workEmail)!;
      const values = node.customFields as Record<string, unknown>;
      expect(Object.keys(values)).toEqual(names);
      expect(values['EmployeeData.hireDate']).toBe(person.hireDate);
    }
    expect(calls).toEqual(['google.users.list']);
  });
});

describe('An unknown field name is one error per request (Google Workspace)', () => {
  it('one BAD_USER_INPUT at the first employee, null for all 12, only the page call', async () => {
    const { message, calls } = await expectUnknownReportedOnce(google.query, 'acme-google', {
      known: 'EmployeeData.hireDate',
      unknown: 'EmployeeData.noSuchField',
    });
    expect(message).toMatch(/^Unknown Google Workspace user field: EmployeeData\.noSuchField /);
    expect(calls).toEqual(['google.users.list']);
  });
});
