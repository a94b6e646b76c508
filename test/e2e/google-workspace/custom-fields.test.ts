/**
 * Google Workspace custom schemas: `Account.customFields` lists every field of every custom
 * schema as `Schema.field` (schemas.list, cached per account), the names `customFields(names:)`
 * takes; an unknown name is one error per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dataCalls,
  type GoogleFixture,
  startGoogleWorkspace,
} from '../../support/google-workspace.js';
import {
  customFieldsOfPage,
  expectReportedOnce,
  listCustomFields,
} from '../support/custom-fields.js';

let google: GoogleFixture;
beforeAll(async () => {
  google = await startGoogleWorkspace({ company: { seed: 4, size: 40, customFieldCount: 6 } });
});
afterAll(() => google.close());

/** schemas.list as the sandbox answers it, asked directly. */
async function schemasAsGoogleListsThem() {
  const token = google.sandbox.issueAccessToken().accessToken;
  const response = await google.sandbox.app.fetch(
    new Request(`${google.url}/admin/directory/v1/customer/my_customer/schemas`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  const body = (await response.json()) as {
    schemas: {
      schemaName: string;
      fields: { fieldName: string; displayName: string; fieldType: string }[];
    }[];
  };
  return body.schemas;
}

describe('Account.customFields (Google Workspace)', () => {
  it('lists every custom schema field as Schema.field: one schemas.list, then none while cached', async () => {
    const schemas = await schemasAsGoogleListsThem();
    const first = await listCustomFields(google.query, 'acme-google');
    expect(first.fields).toEqual(
      schemas.flatMap((schema) =>
        schema.fields.map((field) => ({
          name: `${schema.schemaName}.${field.fieldName}`,
          key: `${schema.schemaName}.${field.fieldName}`,
          label: field.displayName,
          type: field.fieldType,
        })),
      ),
    );
    expect(first.fields.length).toBeGreaterThan(6);
    expect(dataCalls(first.upstream)).toEqual(['google.schemas.list']);
    const again = await listCustomFields(google.query, 'acme-google');
    expect(again.fields).toEqual(first.fields);
    expect(dataCalls(again.upstream)).toEqual([]);
  });

  it('every name it lists reads in customFields(names:), from the page call alone', async () => {
    const { fields } = await listCustomFields(google.query, 'acme-google');
    const names = fields.map((f) => f.name);
    const result = await customFieldsOfPage(google.query, 'acme-google', names, 5);
    expect(result.errors).toBeUndefined();
    const hired = result.data!.employees.nodes.map((node) => {
      const person = google.sandbox.company.people.find((p) => p.workEmail === node.workEmail)!;
      const values = node.customFields as Record<string, unknown>;
      expect(Object.keys(values)).toEqual(names);
      return [values['EmployeeData.hireDate'], person.hireDate];
    });
    expect(hired).toEqual(hired.map(([, hireDate]) => [hireDate, hireDate]));
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
  });
});

describe('An unknown field name is one error per request (Google Workspace)', () => {
  it('one BAD_USER_INPUT at the first employee, null for all 12, only the page call', async () => {
    const result = await customFieldsOfPage(
      google.query,
      'acme-google',
      ['EmployeeData.hireDate', 'EmployeeData.noSuchField'],
      12,
    );
    expectReportedOnce(result, ['EmployeeData.noSuchField'], 12);
    expect(result.errors![0]!.message).toMatch(
      /^Unknown Google Workspace user field: EmployeeData\.noSuchField /,
    );
    expect(dataCalls(result.upstream)).toEqual(['google.users.list']);
  });
});
