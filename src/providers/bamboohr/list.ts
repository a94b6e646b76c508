/**
 * BambooHR's employee list as one list operation. OAuth accounts page through GET /v1/employees
 * (the spec admits only OAuth tokens there), except where it cannot filter (departments,
 * managers); API keys page through the employee dataset, which any key may call.
 */
import type { AuthKind, ListOperation, ListQuery } from '../../core/contract/index.js';
import type { BambooHrClient } from './client.js';
import {
  DATASET_MAX_PAGE,
  datasetCarries,
  datasetFilters,
  listViaDataset,
} from './list-employees-dataset.js';
import {
  endpointCarries,
  listEndpointFilters,
  listViaEmployeesEndpoint,
} from './list-employees-endpoint.js';

/** GET /v1/employees pages up to 2,500 (per the spec's employee pagination object). */
const EMPLOYEES_ENDPOINT_MAX_PAGE = 2500;

export function bambooHrList(client: BambooHrClient, authKind: AuthKind): ListOperation {
  const endpoint = authKind === 'oauth';
  const viaDataset = (query: ListQuery) =>
    !endpoint || query.filter.departments !== undefined || query.filter.managers !== undefined;
  return {
    filters: endpoint
      ? [...new Set([...listEndpointFilters, ...datasetFilters])]
      : [...datasetFilters],
    orders: ['REMOTE_ID', 'FIRST_NAME', 'LAST_NAME', 'JOB_TITLE', 'STATUS'],
    maxPageSize: endpoint ? EMPLOYEES_ENDPOINT_MAX_PAGE : DATASET_MAX_PAGE,
    directions: ['forward', 'backward'],
    // A department filter names departments (not ids) in the dataset's filter expression.
    needs: (query) => (query.filter.departments ? ['lists'] : []),
    carries: (keys, query) => (viaDataset(query) ? datasetCarries(keys) : endpointCarries(keys)),
    run: (request, ctx) =>
      viaDataset(request)
        ? listViaDataset(client, request, ctx)
        : listViaEmployeesEndpoint(client, request, ctx),
  };
}
