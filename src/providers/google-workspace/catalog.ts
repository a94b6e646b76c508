/**
 * Google Workspace's employee catalog: the `User` properties behind each unified field, users.list
 * and users.get to read them, the manager's email as an alternate key, and no histories (the
 * directory keeps no job, pay or status history and no time off: those are null at no cost).
 */
import type { EmployeeCatalog } from '../../core/contract/index.js';
import type { GoogleClient } from './client.js';
import { userFieldSources } from './fields.js';
import { googleList, type ListTarget } from './list-users.js';
import { googleRawFields, type OrgUnits } from './lookups.js';
import { EMAIL_KEY, unifiedValue } from './normalize.js';
import { emailKeyOf, userReads } from './reads.js';

/** Google user ids are decimal strings; anything else cannot be one, so it is missing. */
const userId = /^\d{1,30}$/;

export function googleCatalog(client: GoogleClient, target: ListTarget): EmployeeCatalog {
  return {
    isRemoteId: (id) => userId.test(id),
    idKey: 'id',
    sources: userFieldSources,
    needs: { department: ['orgUnits'] },
    normalize: (field, record, lookups) =>
      unifiedValue(
        field,
        record,
        field === 'department' ? lookups.get<OrgUnits>('orgUnits') : null,
      ),
    histories: {},
    list: googleList(client, target),
    reads: userReads(client),
    alternateKeys: { [EMAIL_KEY]: emailKeyOf(client) },
    rawFields: googleRawFields,
  };
}
