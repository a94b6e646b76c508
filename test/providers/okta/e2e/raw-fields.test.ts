/**
 * Okta's profile attributes by name (reference §6 "Fields": custom attributes sit flat in
 * `profile`): `customFields` and `remoteData` read them from the same listUsers call as the page,
 * resolved against the default user schema (read once per adapter, and only for names that are
 * not base attributes). Also the org's groups and the company.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../support/hrgraph.js';
import { type OktaFixture, startOkta } from '../../../support/okta.js';

let okta: OktaFixture;
beforeAll(async () => {
  okta = await startOkta({
    company: { size: 60, seed: 12, customFieldCount: 6 },
    customAttributeCount: 6,
  });
});
afterAll(() => okta.close());

interface RawData {
  employees: { nodes: { workEmail: string; customFields: Record<string, unknown> }[] };
}

const withFields = /* GraphQL */ `
  query Raw($names: [String!]!) {
    employees(account: "okta", first: 20) { nodes { workEmail customFields(names: $names) } }
  }
`;

describe('customFields and remoteData', () => {
  it('base attributes need no schema read; the page call carries them', async () => {
    okta.resetCounts();
    const result = await okta.query<RawData>(withFields, {
      names: ['costCenter', 'Title', 'profile.login'],
    });
    expect(result.errors).toBeUndefined();
    expect(operations(result.upstream)).toEqual(['okta.listUsers']);
    const node = result.data!.employees.nodes[3]!;
    const person = okta.sandbox.company.people.find((p) => p.workEmail === node.workEmail)!;
    const profile = okta.sandbox.directory.profile(person);
    expect(node.customFields).toEqual({
      costCenter: profile.costCenter,
      Title: profile.title,
      'profile.login': person.workEmail,
    });
  });

  it('custom attributes by name or title: one schema read per adapter, values from the page call', async () => {
    const [byName, byTitle] = okta.sandbox.directory.customAttributes;
    const names = [byName!.name, byTitle!.title.toUpperCase()];
    const first = await okta.query<RawData>(withFields, { names });
    expect(first.errors).toBeUndefined();
    expect(operations(first.upstream)).toEqual(['okta.getUserSchema', 'okta.listUsers']);
    for (const node of first.data!.employees.nodes) {
      const person = okta.sandbox.company.people.find((p) => p.workEmail === node.workEmail)!;
      const profile = okta.sandbox.directory.profile(person);
      expect(node.customFields).toEqual({
        [names[0]!]: profile[byName!.name],
        [names[1]!]: profile[byTitle!.name],
      });
    }
    const again = await okta.query<RawData>(withFields, { names });
    expect(operations(again.upstream)).toEqual(['okta.listUsers']);
  });

  it('an unknown attribute is BAD_USER_INPUT naming it', async () => {
    const result = await okta.query<RawData>(withFields, { names: ['title', 'noSuchAttribute'] });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('noSuchAttribute');
    // The schema is already cached: resolving names costs no call of its own.
    expect(operations(result.upstream)).not.toContain('okta.getUserSchema');
  });

  it('remoteData without names: top-level properties and the base profile', async () => {
    const result = await okta.query<{
      employees: { nodes: { remoteData: Record<string, unknown> }[] };
    }>(/* GraphQL */ `{ employees(account: "okta", first: 2) { nodes { remoteId remoteData } } }`);
    expect(result.errors).toBeUndefined();
    const raw = result.data!.employees.nodes[0]!.remoteData;
    expect(raw).toMatchObject({ status: expect.any(String), login: expect.any(String) });
    expect(Object.keys(raw)).toContain('managerId');
    expect(operations(result.upstream)).toEqual(['okta.listUsers']);
  });
});

describe('groups and company', () => {
  it('listGroups returns every Okta group, in one call', async () => {
    const result = await okta.query<{
      account: { groups: { totalCount: number; nodes: { name: string; type: string }[] } };
    }>(
      /* GraphQL */ `{ account(id: "okta-app") { groups(first: 1000) { totalCount nodes { name type } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const groups = okta.sandbox.directory.groups.all;
    expect(result.data!.account.groups.totalCount).toBe(groups.length);
    expect(result.data!.account.groups.nodes.map((g) => g.name)).toEqual(groups.map((g) => g.name));
    expect(operations(result.upstream).filter((op) => op !== 'okta.token')).toEqual([
      'okta.listGroups',
    ]);
  });

  it('the company: getOrgSettings with an API token; the host alone, with no call, for a service app without okta.orgs.read', async () => {
    const query = /* GraphQL */ `query($a: ID!) { account(id: $a) { company { remoteId legalName phone } } }`;
    const viaToken = await okta.query<{
      account: { company: { remoteId: string; legalName: string } };
    }>(query, { a: 'okta' });
    expect(viaToken.data!.account.company).toMatchObject({
      remoteId: 'acme.okta.com',
      legalName: okta.sandbox.company.legalName,
    });
    expect(operations(viaToken.upstream)).toEqual(['okta.getOrgSettings']);
    const viaApp = await okta.query<{
      account: { company: { remoteId: string; legalName: null } };
    }>(query, { a: 'okta-app' });
    expect(viaApp.data!.account.company).toEqual({
      remoteId: 'acme.okta.com',
      legalName: null,
      phone: null,
    });
    expect(viaApp.upstream.calls).toBe(0);
  });
});
