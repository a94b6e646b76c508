/**
 * What the spec-generated replies suite found in Google Workspace's reads, each pinned by a reply
 * the Discovery document allows, forged: the right data or a coded error, never a null unexplained.
 */
import { describe, expect, it } from 'vitest';
import type { LookupValues } from '../../src/core/contract/index.js';
import { accountId } from '../../src/core/ids.js';
import { createUpstreamRecorder } from '../../src/http/recorder.js';
import type { GoogleClient } from '../../src/providers/google-workspace/client.js';
import { googleLookups, type OrgUnits } from '../../src/providers/google-workspace/lookups.js';
import { unifiedValue } from '../../src/providers/google-workspace/normalize.js';

/** A client that answers orgunits.list with `body`. */
function answering(body: unknown): GoogleClient {
  return {
    accountId: accountId('acme'),
    get: async <T>() => body as T,
  };
}

const ctx = { signal: new AbortController().signal, recorder: createUpstreamRecorder() };

describe('Google Workspace orgunits.list: an org unit whose orgUnitId is empty', () => {
  it('is named by its path, so a user in it has a department whose group exists, never a null without an error', async () => {
    const lookups = googleLookups(
      answering({
        organizationUnits: [
          { orgUnitId: 'id:01', orgUnitPath: '/Sales', name: 'Sales' },
          { orgUnitId: '', orgUnitPath: '/Engineering', name: 'Engineering' },
        ],
      }),
      { customerId: 'my_customer', listParams: { customer: 'my_customer' } },
    );
    const orgUnits = (await lookups.reads.orgUnits!.load(ctx)) as OrgUnits;
    const user = new Map<string, unknown>([['orgUnitPath', '/Engineering']]);
    const department = unifiedValue('department', user, orgUnits);
    expect(department).toBe('/Engineering');
    const values = new Map<string, unknown>([
      ['orgUnits', orgUnits],
      ['groups', []],
    ]);
    const groups = lookups.groups!.from(
      { get: <T>(name: string) => values.get(name) as T } as LookupValues,
      accountId('acme'),
    );
    expect(groups.map((g) => g.remoteId)).toContain(department);
  });
});
