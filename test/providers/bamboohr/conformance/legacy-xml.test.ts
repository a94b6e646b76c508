/**
 * The legacy endpoints' XML form (reference §0: XML unless `Accept: application/json`): each 200
 * must be a well-formed document sent as a media type the spec declares for it. Endpoints whose
 * XML is checked next to their JSON tests (get employee, directory, tables, calculator) are not
 * repeated here.
 */
import { describe, it } from 'vitest';
import { createConformanceSandbox } from '../../../conformance/support/bamboohr-sandbox.js';
import { loadConformance } from '../../../conformance/support/conformance.js';

const { expectConformant } = await loadConformance();
const { call } = createConformanceSandbox();

const since = encodeURIComponent('2026-06-01T00:00:00Z');
const cases = [
  ['/api/v1/meta/fields', '/v1/meta/fields'],
  ['/api/v1/meta/lists', '/v1/meta/lists'],
  ['/api/v1/meta/tables', '/v1/meta/tables'],
  ['/api/v1/time_off/requests', '/v1/time_off/requests?start=2026-01-01&end=2026-02-01'],
  ['/api/v1/time_off/whos_out', '/v1/time_off/whos_out'],
  ['/api/v1/employees/changed', `/v1/employees/changed?since=${since}`],
  [
    '/api/v1/employees/changed/tables/{table}',
    `/v1/employees/changed/tables/jobInfo?since=${since}`,
  ],
] as const;

describe('legacy XML responses (Accept: application/xml)', () => {
  for (const [pathTemplate, path] of cases) {
    it(`GET ${pathTemplate} 200 XML is well-formed and declared application/xml`, async () => {
      await expectConformant(await call('GET', path, { accept: 'application/xml' }), {
        method: 'get',
        pathTemplate,
      });
    });
  }
});
