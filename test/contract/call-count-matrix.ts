/**
 * The exact-count matrix of call-counts.test.ts (issue 15, item 5): page fields × nested fields
 * (manager, department, location, direct reports) × managers on or off the page, and the
 * document each cell sends. Shared with explain's tests (test/operations/explain), which hold
 * explain's predictions to the calls these cells make.
 */
import { expect } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import type { EmployeeField } from '../../src/core/model.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import type { Shape } from './minimum.js';

export const globalId = (account: string, id: string) =>
  toGlobalId('Employee', { accountId: accountId(account), remoteId: remoteId(id) });
export const pageSize = 20;

/** The GraphQL selection of each unified field the matrix asks. */
const selectionOf: Partial<Record<EmployeeField, string>> = {
  displayName: 'displayName',
  firstName: 'firstName',
  workEmail: 'workEmail',
  jobTitle: 'jobTitle',
  department: 'department { name }',
  location: 'location { name }',
};
const select = (fields: readonly EmployeeField[]) => fields.map((f) => selectionOf[f]).join(' ');

const pages: readonly (readonly EmployeeField[])[] = [
  [],
  ['displayName'],
  ['firstName', 'workEmail', 'jobTitle'],
];
const nested: readonly { readonly name: string; readonly shape: Omit<Shape, 'page'> }[] = [
  { name: 'nothing nested', shape: { manager: [], reports: null } },
  { name: 'manager { displayName }', shape: { manager: ['displayName'], reports: null } },
  {
    name: 'manager { workEmail jobTitle }',
    shape: { manager: ['workEmail', 'jobTitle'], reports: null },
  },
  {
    name: 'manager { displayName department }',
    shape: { manager: ['displayName', 'department'], reports: null },
  },
  { name: 'department { name }', shape: { manager: [], reports: null } },
  { name: 'location { name }', shape: { manager: [], reports: null } },
  { name: 'directReports { displayName }', shape: { manager: [], reports: ['displayName'] } },
];
/** The nested shapes that are fields of the node itself. */
const ownNested: Record<string, EmployeeField> = {
  'department { name }': 'department',
  'location { name }': 'location',
};

export const cells = pages.flatMap((page) =>
  nested.flatMap(({ name, shape }) =>
    (['on', 'off'] as const).map((placement) => {
      const own = ownNested[name];
      const full: Shape = { ...shape, page: own ? [...page, own] : page };
      return [`[${page.join(' ')}]`, name, placement, full] as const;
    }),
  ),
);

export interface Node {
  remoteId: string;
  manager?: { remoteId: string } & Record<string, unknown>;
  directReports?: { nodes: { remoteId: string; displayName: string | null }[] };
}

export function documentOf(shape: Shape): string {
  const manager = shape.manager.length > 0 ? `manager { remoteId ${select(shape.manager)} }` : '';
  const reports = shape.reports
    ? `directReports(first: 100) { nodes { remoteId ${select(shape.reports)} } }`
    : '';
  return /* GraphQL */ `
    query Cell($account: ID!, $order: [EmployeeOrder!], $filter: EmployeeFilter) {
      employees(account: $account, first: ${pageSize}, orderBy: $order, filter: $filter) {
        nodes { remoteId ${select(shape.page)} ${manager} ${reports} }
      }
    }
  `;
}

/**
 * Lookups (org lists, groups, an org index) are kept per account, so the matrix counts per query:
 * each account's are loaded first by this query, through `query`.
 */
export async function warmLookups(
  accounts: readonly { readonly config: { readonly id: string } }[],
  query: (
    document: string,
    variables: Record<string, unknown>,
  ) => Promise<{ readonly errors?: unknown }>,
) {
  for (const { config } of accounts) {
    const warm = await query(
      /* GraphQL */ `query Warm($account: ID!) {
        employees(account: $account, first: 1) {
          nodes { department { name } location { name } directReports(first: 1) { nodes { remoteId } } }
        }
      }`,
      { account: config.id },
    );
    expect(warm.errors).toBeUndefined();
  }
}
