import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { printHrGraphSchema } from '../../scripts/print-schema.js';

describe('schema.graphql', () => {
  test('is what the code prints (run `npm run schema:print` after changing the schema)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printHrGraphSchema());
  });

  test('Federation: entities carry @key(fields: "id") and PageInfo is @shareable (G4)', () => {
    const sdl = printHrGraphSchema();
    for (const entity of [
      'Employee',
      'Company',
      'Group',
      'Location',
      'TimeOff',
      'Employment',
      'Compensation',
    ]) {
      expect(sdl).toMatch(new RegExp(`type ${entity} implements Node\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type PageInfo\s+@shareable/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
  });

  test('Global Object Identification: Node has exactly one field, id: ID!', () => {
    expect(printHrGraphSchema()).toMatch(/interface Node \{\s+id: ID!\s+\}/);
  });

  test('normalised enums never contain hyphens and each has an OTHER catch-all', () => {
    const sdl = printHrGraphSchema();
    const normalised = [
      'EmploymentStatus',
      'EmploymentRelationship',
      'EmploymentSchedule',
      'Gender',
      'MaritalStatus',
      'PayPeriod',
      'PayFrequency',
      'PayType',
      'FlsaStatus',
      'TimeOffStatus',
      'TimeOffPolicyType',
    ];
    for (const name of normalised) {
      const body = sdl.match(new RegExp(`enum ${name} \\{([^}]*)\\}`))?.[1] ?? '';
      expect(body, name).toMatch(/\bOTHER\b/);
      expect(body, name).not.toMatch(/^\s*[A-Z_]*-/m);
    }
  });
});
