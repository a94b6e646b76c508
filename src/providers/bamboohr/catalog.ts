/**
 * BambooHR's employee catalog: the keys behind each unified field, the reads and the list that
 * carry them, the histories kept as tables and windowed reads, and how stored values normalise.
 */
import type { AuthKind, EmployeeCatalog } from '../../core/contract/index.js';
import type { EmployeeField } from '../../core/model.js';
import type { BambooHrClient } from './client.js';
import { employeeFieldSources } from './fields.js';
import { tableHistories, tableReads } from './history-tables.js';
import { bambooHrList } from './list.js';
import { bambooHrRawFields, type OrgLists } from './lookups.js';
import { numericId, unifiedValue } from './normalize.js';
import { employeeReads } from './reads.js';
import { timeOffHistories, timeOffReads } from './time-off.js';

/** Fields whose value names an org list option, turned into the option's group id. */
const listFields = ['department', 'division', 'location'] as const satisfies EmployeeField[];

const sources = Object.fromEntries(
  Object.entries(employeeFieldSources).filter(([, keys]) => keys.length > 0),
) as EmployeeCatalog['sources'];

export function bambooHrCatalog(client: BambooHrClient, authKind: AuthKind): EmployeeCatalog {
  return {
    isRemoteId: (id) => numericId.test(id),
    idKey: 'id',
    sources,
    needs: Object.fromEntries(listFields.map((field) => [field, ['lists']])),
    normalize(field, record, lookups) {
      const lists = (listFields as readonly EmployeeField[]).includes(field)
        ? lookups.get<OrgLists>('lists')
        : noLists;
      return unifiedValue(field, record, lists);
    },
    histories: { ...tableHistories, ...timeOffHistories },
    list: bambooHrList(client, authKind),
    reads: [...employeeReads(client), ...tableReads(client), ...timeOffReads(client)],
    rawFields: bambooHrRawFields,
  };
}

/** What a field that names no list option normalises with. */
const noLists = { optionId: () => null };
