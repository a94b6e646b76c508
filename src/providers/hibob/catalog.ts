/**
 * HiBob's employee catalog: the field ids behind each unified field, the search by ids and the
 * bulk table reads, the list (one search cut into pages), the histories the tables hold, and how
 * stored values normalise. Ids are Bob's numeric employee ids, as strings.
 */
import type { EmployeeCatalog } from '../../core/contract/index.js';
import type { HibobClient } from './client.js';
import { hibobRawFields } from './custom-fields.js';
import { employeeFieldSources, ID_KEY } from './fields.js';
import { hibobHistories } from './history.js';
import { hibobList } from './list.js';
import { unifiedValue } from './normalize.js';
import { byIdsRead } from './reads.js';
import { bulkTableReads } from './tables.js';

/** Bob's employee ids are numbers of up to 19 digits, sent as strings. */
const isBobId = (id: string) => /^[1-9][0-9]{0,19}$/.test(id);

export function hibobCatalog(client: HibobClient): EmployeeCatalog {
  return {
    isRemoteId: isBobId,
    idKey: ID_KEY,
    sources: employeeFieldSources,
    // A department or site is checked against the account's named lists (normalize.ts).
    needs: { department: ['namedLists'], location: ['namedLists'] },
    normalize: (field, record, lookups) => unifiedValue(field, record, lookups),
    histories: hibobHistories,
    list: hibobList(client),
    reads: [byIdsRead(client), ...bulkTableReads(client)],
    rawFields: hibobRawFields,
  };
}
