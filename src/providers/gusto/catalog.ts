/**
 * Gusto's employee catalog: the attributes behind each unified field, the one read by id (the
 * list filtered by uuids) and the list itself, the histories the rows and the time-off policies
 * hold, and how stored values normalise. Ids are the employees' uuids.
 */
import type { EmployeeCatalog } from '../../core/contract/index.js';
import type { GustoClient } from './client.js';
import { gustoRawFields } from './custom-fields.js';
import { isUuid } from './employee-list.js';
import { employeeFieldSources } from './fields.js';
import { gustoHistories } from './history.js';
import { gustoList } from './list-employees.js';
import { unifiedValue } from './normalize.js';
import { byUuidsRead } from './reads.js';
import { balancesHistory, timeOffPoliciesRead } from './time-off.js';

export function gustoCatalog(client: GustoClient, company: string): EmployeeCatalog {
  return {
    isRemoteId: isUuid,
    idKey: 'uuid',
    sources: employeeFieldSources,
    // A department or location is checked against the account's list of them (normalize.ts).
    needs: { department: ['departments'], location: ['locations'] },
    normalize: (field, record, lookups) => unifiedValue(field, record, lookups),
    histories: { ...gustoHistories, timeOffBalances: balancesHistory },
    list: gustoList(client, company),
    reads: [byUuidsRead(client, company), timeOffPoliciesRead(client, company)],
    rawFields: gustoRawFields,
  };
}
