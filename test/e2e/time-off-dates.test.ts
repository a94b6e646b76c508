/**
 * Issue 13, item 9: `TimeOff.createdAt` was an INTERNAL_SERVER_ERROR for every BambooHR request,
 * because BambooHR's `created` is a date ("created and status.lastChanged are dates in the company
 * time zone", reference §4) where a DateTime was declared. The field is now `createdDate: Date`,
 * the day exactly as the provider sent it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type HrGraphFixture, startHrGraph } from '../support/hrgraph.js';

let hr: HrGraphFixture;
beforeAll(async () => {
  hr = await startHrGraph({ company: { size: 20, seed: 3, customFieldCount: 0 } });
});
afterAll(async () => {
  await hr.close();
});

interface Page {
  employees: {
    nodes: { timeOff: { createdDate: string | null; remoteData: { created?: unknown } }[] }[];
  };
}

describe('BambooHR time off: created is a date in the company time zone (reference §4)', () => {
  test.each(['acme', 'acme-oauth'])(
    'TimeOff.createdDate is the request’s `created` day, for every row, with no error (%s)',
    async (account) => {
      const result = await hr.query<Page>(
        /* GraphQL */ `query($account: ID!) {
          employees(account: $account, first: 20) {
            nodes { timeOff(start: "2025-01-01", end: "2026-12-31") { createdDate remoteData } }
          }
        }`,
        { account },
      );
      expect(result.errors).toBeUndefined();
      const rows = result.data!.employees.nodes.flatMap((node) => node.timeOff);
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        expect(row.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(row.createdDate).toBe(row.remoteData.created);
      }
    },
  );
});
