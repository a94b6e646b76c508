/**
 * What is extracted from each provider's official spec: the operations its sandbox serves (the
 * conformance suite checks every one), the calls hrgraph's provider code makes (each must be one
 * of them), and where the full spec came from. The full specs are not in the repository; their
 * ORIGIN.md beside them (../shared/specs/<provider>/) must name the same commit and checksum.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repairGustoSource } from './gusto-yaml.js';

export type ProviderId =
  | 'bamboohr'
  | 'okta'
  | 'gusto'
  | 'google-workspace'
  | 'hibob'
  | 'microsoft-entra-id'
  | 'personio';

/** `GET /api/v1/users` for OpenAPI; a Discovery method id (`directory.users.list`) for Google. */
export type OperationKey = string;

export interface SpecOrigin {
  readonly repository: string;
  readonly path: string;
  /** The commit the file was taken at; ORIGIN.md must name it. */
  readonly commit: string;
  /** SPDX id, or a sentence where the origin declares none. */
  readonly licence: string;
  /** What the licence asks of a copy, said where the extract and the README can show it. */
  readonly attribution: string;
}

export interface ProviderSpec {
  readonly id: ProviderId;
  readonly format: 'openapi' | 'discovery';
  /** The full spec's file name in its provider folder. */
  readonly sourceFile: string;
  /** That folder under ../shared/specs, where it is not named like the provider. @default id */
  readonly sourceFolder?: string;
  /** The extract's file name under specs/<provider>/. */
  readonly extractFile: string;
  readonly origin: SpecOrigin;
  /** Every operation the sandbox serves that the spec describes, in the spec's own terms. */
  readonly served: readonly OperationKey[];
  /** hrgraph's provider operation name → the served operation it calls. */
  readonly hrgraphCalls: Readonly<Record<string, OperationKey>>;
  /**
   * Schemas kept although no served operation references them: Google's `User` types six
   * fields `any` whose REST reference names these schemas (test/conformance/support/
   * discovery-schema.ts tightens them), so the extract must carry them.
   */
  readonly extraSchemas?: readonly string[];
  /** Makes the source parseable before it is parsed; `note` is recorded in the extract. */
  readonly repair?: (text: string) => { text: string; note: string };
}

const bamboohr: ProviderSpec = {
  id: 'bamboohr',
  format: 'openapi',
  sourceFile: 'public-openapi.yaml',
  extractFile: 'public-openapi.extract.json',
  origin: {
    repository: 'https://github.com/BambooHR/bhr-api-php',
    path: 'specs/public.yaml',
    commit: 'a6a10ca26972470d31d494b9caaf7e5db9eaf945',
    licence: 'MIT',
    attribution:
      "MIT License, Copyright (c) 2025 BambooHR: the licence of BambooHR's SDK repository that publishes the spec (the YAML names none); the full notice is specs/bamboohr/LICENSE.",
  },
  served: [
    'GET /api/v1/company_information',
    'GET /api/v1/custom-reports',
    'GET /api/v1/custom-reports/{reportId}',
    'GET /api/v1/datasets',
    'GET /api/v1/datasets/{datasetName}/fields',
    'POST /api/v1/datasets/{datasetName}',
    'GET /api/v1/employees',
    'GET /api/v1/employees/changed',
    'GET /api/v1/employees/changed/tables/{table}',
    'GET /api/v1/employees/directory',
    'GET /api/v1/employees/{employeeId}/time_off/calculator',
    'GET /api/v1/employees/{employeeId}/time_off/policies',
    'GET /api/v1/employees/{id}',
    'GET /api/v1/employees/{id}/tables/{table}',
    'GET /api/v1/meta/fields',
    'GET /api/v1/meta/lists',
    'GET /api/v1/meta/tables',
    'GET /api/v1/meta/time_off/policies',
    'GET /api/v1/meta/time_off/types',
    'GET /api/v1/reports/{id}',
    'POST /api/v1/reports/custom',
    'GET /api/v1/time_off/requests',
    'GET /api/v1/time_off/whos_out',
    'GET /api/v1/webhooks',
    'POST /api/v1/webhooks',
    'GET /api/v1/webhooks/monitor_fields',
    'GET /api/v1/webhooks/post-fields',
    'GET /api/v1/webhooks/{id}',
    'PUT /api/v1/webhooks/{id}',
    'DELETE /api/v1/webhooks/{id}',
    'GET /api/v1/webhooks/{id}/log',
    'GET /api/v1_2/datasets',
    'GET /api/v1_2/datasets/{datasetName}/fields',
    'POST /api/v2/datasets/{datasetName}/data',
  ],
  hrgraphCalls: {
    'bamboohr.allEmployeesTable': 'GET /api/v1/employees/{id}/tables/{table}',
    'bamboohr.companyInformation': 'GET /api/v1/company_information',
    'bamboohr.customReport': 'POST /api/v1/reports/custom',
    'bamboohr.datasetEmployees': 'POST /api/v2/datasets/{datasetName}/data',
    'bamboohr.employeeTable': 'GET /api/v1/employees/{id}/tables/{table}',
    'bamboohr.getEmployee': 'GET /api/v1/employees/{id}',
    'bamboohr.listEmployees': 'GET /api/v1/employees',
    'bamboohr.metaFields': 'GET /api/v1/meta/fields',
    'bamboohr.metaLists': 'GET /api/v1/meta/lists',
    'bamboohr.timeOffBalance': 'GET /api/v1/employees/{employeeId}/time_off/calculator',
    'bamboohr.timeOffRequests': 'GET /api/v1/time_off/requests',
  },
};

const okta: ProviderSpec = {
  id: 'okta',
  format: 'openapi',
  sourceFile: 'management-minimal.yaml',
  extractFile: 'management-minimal.extract.json',
  origin: {
    repository: 'https://github.com/okta/okta-management-openapi-spec',
    path: 'dist/current/management-minimal.yaml',
    commit: 'fdda229e82940cf5af4611ad673ca6a27974e31b',
    licence: 'Apache-2.0',
    attribution:
      "Apache License 2.0, declared in the spec's info.license; the licence text is specs/LICENSE-Apache-2.0.txt, and this extract is a modified copy (see changes).",
  },
  served: [
    'GET /.well-known/okta-organization',
    'GET /api/v1/groups',
    'GET /api/v1/groups/{groupId}',
    'GET /api/v1/groups/{groupId}/users',
    'GET /api/v1/meta/schemas/user/{schemaId}',
    'GET /api/v1/org',
    'GET /api/v1/users',
    'GET /api/v1/users/{id}',
    'GET /api/v1/users/{id}/groups',
  ],
  hrgraphCalls: {
    'okta.getOrgSettings': 'GET /api/v1/org',
    'okta.getUser': 'GET /api/v1/users/{id}',
    'okta.getUserSchema': 'GET /api/v1/meta/schemas/user/{schemaId}',
    'okta.listGroups': 'GET /api/v1/groups',
    'okta.listUsers': 'GET /api/v1/users',
    'okta.listUsersById': 'GET /api/v1/users',
  },
};

const gusto: ProviderSpec = {
  id: 'gusto',
  format: 'openapi',
  sourceFile: 'gusto-api-v2025-06-15.openapi.yaml',
  extractFile: 'gusto-api-v2025-06-15.extract.json',
  repair: repairGustoSource,
  origin: {
    repository: 'https://github.com/Gusto/gusto-typescript-client',
    path: '.speakeasy/logs/changes/new.openapi.yaml',
    commit: '1fa8f82cfc47d70873cf22d57b14691e29879b2f',
    licence: 'none declared',
    attribution:
      "Gusto declares no licence for the spec or the repository; its developer terms (info.termsOfService) apply. Kept as a reference for hrgraph's local emulator and its tests only.",
  },
  served: [
    'POST /oauth/token',
    'GET /v1/companies/{company_id}',
    'GET /v1/companies/{company_id}/custom_fields',
    'GET /v1/companies/{company_id}/employees',
    'GET /v1/companies/{company_id}/locations',
    'GET /v1/companies/{company_uuid}/departments',
    'GET /v1/companies/{company_uuid}/time_off_policies',
    'GET /v1/compensations/{compensation_id}',
    'GET /v1/departments/{department_uuid}',
    'GET /v1/employees/{employee_id}',
    'GET /v1/employees/{employee_id}/custom_fields',
    'GET /v1/employees/{employee_id}/home_addresses',
    'GET /v1/employees/{employee_id}/jobs',
    'GET /v1/employees/{employee_id}/terminations',
    'GET /v1/employees/{employee_uuid}/time_off_activities',
    'GET /v1/home_addresses/{home_address_uuid}',
    'GET /v1/jobs/{job_id}',
    'GET /v1/jobs/{job_id}/compensations',
    'GET /v1/locations/{location_id}',
    'GET /v1/time_off_policies/{time_off_policy_uuid}',
    'GET /v1/token_info',
  ],
  hrgraphCalls: {
    'gusto.company': 'GET /v1/companies/{company_id}',
    'gusto.customFields': 'GET /v1/companies/{company_id}/custom_fields',
    'gusto.departments': 'GET /v1/companies/{company_uuid}/departments',
    'gusto.employees.byUuids': 'GET /v1/companies/{company_id}/employees',
    'gusto.employees.list': 'GET /v1/companies/{company_id}/employees',
    'gusto.locations': 'GET /v1/companies/{company_id}/locations',
    'gusto.timeOffPolicies': 'GET /v1/companies/{company_uuid}/time_off_policies',
    'gusto.token.authorization_code': 'POST /oauth/token',
    'gusto.token.refresh_token': 'POST /oauth/token',
  },
};

const googleWorkspace: ProviderSpec = {
  id: 'google-workspace',
  format: 'discovery',
  sourceFile: 'admin.directory_v1.json',
  extractFile: 'admin.directory_v1.extract.json',
  origin: {
    repository: 'https://github.com/yoshi-code-bot/discovery-artifact-manager',
    path: 'discoveries/admin.directory_v1.json',
    commit: '81716e96f05f0b949400a439db8117361da87af5',
    licence: 'Apache-2.0',
    attribution:
      'Apache License 2.0, the licence of the repository (a fork of googleapis/discovery-artifact-manager) holding the Google-generated document; the licence text is specs/LICENSE-Apache-2.0.txt, and this extract is a modified copy (see changes).',
  },
  served: [
    'directory.customers.get',
    'directory.groups.get',
    'directory.groups.list',
    'directory.members.list',
    'directory.orgunits.list',
    'directory.schemas.list',
    'directory.users.get',
    'directory.users.list',
  ],
  hrgraphCalls: {
    'google.customers.get': 'directory.customers.get',
    'google.groups.list': 'directory.groups.list',
    'google.orgunits.list': 'directory.orgunits.list',
    'google.schemas.list': 'directory.schemas.list',
    'google.users.get': 'directory.users.get',
    'google.users.list': 'directory.users.list',
  },
  extraSchemas: [
    'UserAddress',
    'UserEmail',
    'UserExternalId',
    'UserGender',
    'UserOrganization',
    'UserPhone',
    'UserRelation',
  ],
};

const hibob: ProviderSpec = {
  id: 'hibob',
  format: 'openapi',
  sourceFile: 'hibob-public-api.generated.yml',
  extractFile: 'hibob-public-api.extract.json',
  origin: {
    repository: 'https://github.com/RuBAN-GT/hibob-sdk',
    path: 'utils/hibob-public-api.generated.yml',
    commit: '16d1cb3ebc94dfff2dfdb70c6c1458e78954fcaf',
    licence:
      "uncertain: the compiling repository is ISC, the content is HiBob's, which declares none",
    attribution:
      "A third-party compilation (RuBAN-GT/hibob-sdk, ISC) of the OpenAPI blocks HiBob publishes on apidocs.hibob.com; HiBob declares no licence for them. Only the operations hrgraph's sandbox serves are kept, as a reference for its local emulator and its tests only.",
  },
  served: [
    'GET /bulk/people/employment',
    'GET /bulk/people/lifecycle',
    'GET /bulk/people/salaries',
    'GET /bulk/people/work',
    'GET /company/named-lists',
    'GET /company/people/fields',
    'GET /people/{id}/employment',
    'GET /people/{id}/lifecycle',
    'GET /people/{id}/salaries',
    'GET /people/{id}/work',
    'POST /people/search',
    'GET /timeoff/whosout',
  ],
  hrgraphCalls: {
    'hibob.bulk.lifecycle': 'GET /bulk/people/lifecycle',
    'hibob.bulk.salaries': 'GET /bulk/people/salaries',
    'hibob.bulk.work': 'GET /bulk/people/work',
    'hibob.fields': 'GET /company/people/fields',
    'hibob.namedLists': 'GET /company/named-lists',
    'hibob.people.byIds': 'POST /people/search',
    'hibob.people.search': 'POST /people/search',
  },
};

const microsoftEntraId: ProviderSpec = {
  id: 'microsoft-entra-id',
  format: 'openapi',
  sourceFolder: 'microsoft-graph',
  sourceFile: 'graph-v1.0-directory.openapi.yaml',
  extractFile: 'graph-v1.0-directory.extract.json',
  origin: {
    repository: 'https://github.com/microsoftgraph/msgraph-metadata',
    path: 'clean_v10_metadata/cleanMetadata.xml',
    commit: 'f54f11b60956ea7b185ca0447b2b80805836ec7b',
    licence: 'MIT',
    attribution:
      "MIT License, Copyright (c) 2018 Microsoft Graph: the licence of the repository holding the CSDL metadata. The OpenAPI source is an OpenAPI 3.0.4 rendering of a slice of that CSDL made outside this repository (graph_csdl_extract.py, with /$batch written from Microsoft's JSON batching guide), not a file Microsoft publishes, so whether the licence reaches every part of it is uncertain; this extract keeps only what the tests need.",
  },
  served: [
    'POST /$batch',
    'GET /groups',
    'GET /groups/{group-id}',
    'GET /groups/{group-id}/members',
    'GET /organization',
    'GET /users',
    'GET /users/{user-id}',
    'GET /users/{user-id}/directReports',
    'GET /users/{user-id}/manager',
  ],
  hrgraphCalls: {
    'entra.batchGetUsers': 'POST /$batch',
    'entra.getOrganization': 'GET /organization',
    'entra.listGroups': 'GET /groups',
    'entra.listUsers': 'GET /users',
    'entra.listUsersById': 'POST /$batch',
  },
};

const personio: ProviderSpec = {
  id: 'personio',
  format: 'openapi',
  sourceFile: 'personio-personnel-data-api-oa3.yaml',
  extractFile: 'personio-personnel-data-api.extract.json',
  origin: {
    repository: 'https://github.com/personio/api-docs',
    path: 'personio-personnel-data-api-oa3.yaml',
    commit: '2f3707ffde5921f8e3daef8076e7311eeacce3ec',
    licence: 'none declared',
    attribution:
      "Personio declares no licence for the spec or its repository (uncertain: no explicit grant was found). Only the operations hrgraph's sandbox serves are extracted, as a reference for its local emulator and its tests only.",
  },
  served: [
    'GET /company/employees',
    'GET /company/employees/attributes',
    'GET /company/employees/custom-attributes',
    'GET /company/employees/{employee_id}',
    'GET /company/employees/{employee_id}/absences/balance',
    'GET /company/time-off-types',
    'GET /company/time-offs',
  ],
  hrgraphCalls: {
    'personio.absenceBalance': 'GET /company/employees/{employee_id}/absences/balance',
    'personio.attributes': 'GET /company/employees/attributes',
    'personio.employee': 'GET /company/employees/{employee_id}',
    'personio.employees': 'GET /company/employees',
    'personio.employees.org': 'GET /company/employees',
    'personio.timeOffs': 'GET /company/time-offs',
  },
};

export const PROVIDER_SPECS: Readonly<Record<ProviderId, ProviderSpec>> = {
  bamboohr,
  okta,
  gusto,
  'google-workspace': googleWorkspace,
  hibob,
  'microsoft-entra-id': microsoftEntraId,
  personio,
};

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(PROVIDER_SPECS, value);
}

/** The repository root: this file sits at scripts/extract-spec/. */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the committed extract of a provider lives. */
export function extractPath(id: ProviderId): string {
  const spec = PROVIDER_SPECS[id];
  return path.join(repoRoot, 'specs', spec.id, spec.extractFile);
}
