/**
 * Entra ID's employee catalog: users by their Graph properties, read through List users (a page,
 * or users by id) and `$batch`ed single-user GETs. Entra keeps identities, not jobs: no history,
 * pay or leave, so it declares no histories and the loaders answer those null at no cost. It has
 * no manager filter either (Graph filters users by manager only as an advanced, eventually
 * consistent query), so direct reports come from the account's org index.
 */
import type { EmployeeCatalog } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';
import type { GraphClient } from './client.js';
import { employeeFieldSources } from './fields.js';
import type { GroupDirectory } from './groups.js';
import { entraList } from './list-users.js';
import { unifiedValue } from './normalize.js';
import { entraRawFields } from './raw-fields.js';
import { isEntraObjectId, userReads } from './user-reads.js';

/** Fields whose value is a group id found by name, so they need the tenant's groups. */
const groupFields = ['department', 'division'] as const satisfies EmployeeField[];

export function entraCatalog(client: GraphClient): EmployeeCatalog {
  return {
    isRemoteId: isEntraObjectId,
    idKey: 'id',
    sources: employeeFieldSources,
    needs: Object.fromEntries(groupFields.map((field) => [field, ['groups']])),
    normalize: (field, record, lookups) =>
      unifiedValue(field, record, () => lookups.get<GroupDirectory>('groups')),
    histories: {},
    list: entraList(client),
    reads: userReads(client),
    rawFields: entraRawFields,
  };
}
