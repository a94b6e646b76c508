/**
 * Okta's employee catalog: users by their profile attributes and top-level properties, read
 * through listUsers (a page, or users by id) and getUser. Okta keeps identities, not jobs: no
 * history, pay or leave, so it declares no histories and the loaders answer those null at no
 * cost.
 */
import type { EmployeeCatalog } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';
import type { OktaClient } from './client.js';
import { employeeFieldSources } from './fields.js';
import type { GroupDirectory } from './groups.js';
import { oktaList } from './list-users.js';
import { oktaRawFields } from './metadata.js';
import { unifiedValue } from './normalize.js';
import { isOktaUserId, userReads } from './user-reads.js';

/** Fields whose value is a group id found by name, so they need the org's groups. */
const groupFields = ['department', 'division'] as const satisfies EmployeeField[];

export function oktaCatalog(client: OktaClient): EmployeeCatalog {
  return {
    isRemoteId: isOktaUserId,
    idKey: 'id',
    sources: employeeFieldSources,
    needs: Object.fromEntries(groupFields.map((field) => [field, ['groups']])),
    normalize: (field, record, lookups) =>
      unifiedValue(field, record, () => lookups.get<GroupDirectory>('groups')),
    histories: {},
    list: oktaList(client),
    reads: userReads(client),
    rawFields: oktaRawFields,
  };
}
