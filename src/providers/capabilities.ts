/**
 * An account's capabilities, read off its provider's catalog: a unified field is supplied when
 * the catalog names keys for it, a history when the catalog keeps one, groups and locations when
 * its lookups make them. Stated once here, so no provider can claim what its catalog cannot do.
 */
import type { Capabilities, EmployeeCatalog, LookupCatalog } from '../core/contract/index.js';
import type { EmployeeField } from '../core/model.js';

export function capabilitiesOf(
  employees: EmployeeCatalog,
  lookups: LookupCatalog,
  own: Pick<Capabilities, 'customFields'>,
): Capabilities {
  const { histories, list } = employees;
  return {
    employeeFields: (Object.keys(employees.sources) as EmployeeField[]).filter(
      (field) => (employees.sources[field]?.length ?? 0) > 0,
    ),
    employments: histories.employments !== undefined,
    compensations: histories.compensations !== undefined,
    statusHistory: histories.statusHistory !== undefined,
    timeOff: histories.timeOff !== undefined,
    timeOffBalances: histories.timeOffBalances !== undefined,
    groups: lookups.groups !== undefined,
    locations: lookups.locations !== undefined,
    customFields: own.customFields,
    filters: list.filters,
    orders: list.orders,
    maxPageSize: list.maxPageSize,
    pagingDirections: list.directions,
  };
}
