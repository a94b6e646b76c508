/**
 * Personio's employee catalog: the attributes behind each unified field, the reads by id (one
 * employee's v1 attributes; a person's v2 employments; time-offs for 50 employees a window; one
 * employee's balances), the list, the histories those reads hold, and how stored values
 * normalise. Ids are Personio's employee ids, the same number in v1 and v2.
 */
import type { EmployeeCatalog } from '../../core/contract/index.js';
import type { PersonioClient } from './client.js';
import { compensationHistory } from './compensation.js';
import { personioRawFields } from './custom-attributes.js';
import { employmentsHistory, employmentsRead } from './employments.js';
import { employeeFieldSources } from './fields.js';
import { personioList } from './list-employees.js';
import { unifiedValue } from './normalize.js';
import { employeeByIdRead, isEmployeeId } from './reads.js';
import { balancesHistory, balancesRead, timeOffHistory, timeOffRead } from './time-off.js';

export function personioCatalog(client: PersonioClient): EmployeeCatalog {
  return {
    isRemoteId: isEmployeeId,
    idKey: 'id',
    sources: employeeFieldSources,
    // A department or office is checked against the ones the account's employees name (org.ts).
    needs: { department: ['org'], location: ['org'] },
    normalize: (field, record, lookups) => unifiedValue(field, record, lookups),
    histories: {
      employments: employmentsHistory,
      compensations: compensationHistory,
      timeOff: timeOffHistory,
      timeOffBalances: balancesHistory,
    },
    list: personioList(client),
    reads: [
      employeeByIdRead(client),
      employmentsRead(client),
      timeOffRead(client),
      balancesRead(client),
    ],
    rawFields: personioRawFields,
  };
}
