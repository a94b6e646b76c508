/**
 * Employees: List Employees (cursor paging), Get Employee, the directory and changed ids, checked
 * against the official spec's response objects.
 */
import { describe, expect, it } from 'vitest';
import { createConformanceSandbox } from '../../../conformance/support/bamboohr-sandbox.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { atPath, tighten } from '../../../conformance/support/patch.js';

const { expectConformant } = await loadConformance();
const { call, tokenWith, sandbox } = createConformanceSandbox();
const customAlias = sandbox.company.data.customFields[0]!.alias;

interface ListPage {
  data: Array<Record<string, unknown>>;
  meta: {
    total: number;
    page: { limit: number; nextCursor: string | null; prevCursor: string | null };
  };
  _links: Record<string, { href: string } | undefined>;
}

const listEmployees = { method: 'get', pathTemplate: '/api/v1/employees' } as const;
const getEmployee = { method: 'get', pathTemplate: '/api/v1/employees/{id}' } as const;

// The spec's List Employees security lists OAuth scopes only (reference §1.2), so it is called
// with a token; the sandbox's default switch answers an API key with 401 (see auth.test.ts).
async function list(query: string): Promise<Response> {
  return call('GET', `/v1/employees${query}`, { auth: 'token' });
}

describe('list-employees (GET /api/v1/employees)', () => {
  it('list-employees 200 conforms to the spec', async () => {
    const { body } = await expectConformant(await list(''), listEmployees);
    const page = body as ListPage;
    expect(page.data).toHaveLength(50);
    expect(page.meta.total).toBe(50);
  });

  it('list-employees: default page size 250, maximum 2500 (reference §2.1 recommendation; the spec says 250/2500 in EmployeeCursorPaginationQueryObject but 50/100 in the CursorPaginationQueryObject it extends)', async () => {
    // Patch: meta.page.limit must echo the applied limit; the spec's response schema only types it.
    await expectConformant(await list(''), {
      ...listEmployees,
      patch: tighten(
        'reference §2.1: default limit 250',
        atPath(['meta', 'page', 'limit'], { const: 250 }),
      ),
    });
    await expectConformant(await list('?page[limit]=2500'), {
      ...listEmployees,
      patch: tighten(
        'reference §2.1: maximum limit 2500',
        atPath(['meta', 'page', 'limit'], { const: 2500 }),
      ),
    });
    const over = await expectConformant(await list('?page[limit]=2501'), listEmployees);
    expect(over.status).toBe(400);
  });

  it('list-employees paging: cursors are opaque strings (reference §2.1; the spec types page[after]/page[before] as integers but nextCursor/prevCursor as strings), and _links.next/prev appear only when that page exists', async () => {
    // Patch: on a middle page both cursors must be non-empty strings and both links present.
    const opaque = { type: 'string', minLength: 1 };
    const middle = tighten(
      'reference §2.1: opaque string cursors, links only when the page exists',
      {
        required: ['_links'],
        properties: {
          meta: atPath(['page'], {
            required: ['nextCursor', 'prevCursor'],
            properties: { nextCursor: opaque, prevCursor: opaque },
          }),
          _links: { required: ['self', 'next', 'prev'] },
        },
      },
    );
    const first = (await expectConformant(await list('?page[limit]=20'), listEmployees))
      .body as ListPage;
    expect(first.meta.page.prevCursor).toBeNull();
    expect(first.meta.page.nextCursor).toEqual(expect.any(String));
    expect(first._links.prev).toBeUndefined();
    expect(first._links.next?.href).toContain('page%5Bafter%5D=');

    const after = encodeURIComponent(first.meta.page.nextCursor!);
    const second = (
      await expectConformant(await list(`?page[limit]=20&page[after]=${after}`), {
        ...listEmployees,
        patch: middle,
      })
    ).body as ListPage;
    expect(second.data[0]?.employeeId).not.toBe(first.data[0]?.employeeId);

    const next = encodeURIComponent(second.meta.page.nextCursor!);
    const last = (
      await expectConformant(await list(`?page[limit]=20&page[after]=${next}`), listEmployees)
    ).body as ListPage;
    expect(last.data).toHaveLength(10);
    expect(last.meta.page.nextCursor).toBeNull();
    expect(last._links.next).toBeUndefined();

    const before = encodeURIComponent(second.meta.page.prevCursor!);
    const back = (
      await expectConformant(await list(`?page[limit]=20&page[before]=${before}`), listEmployees)
    ).body as ListPage;
    expect(back.data.map((row) => row.employeeId)).toEqual(first.data.map((row) => row.employeeId));
  });

  it('list-employees 400 BadPage for a malformed cursor conforms (Employee-StringCodeErrorResponse-V1)', async () => {
    const { status, body } = await expectConformant(
      await list('?page[after]=not-a-cursor'),
      listEmployees,
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'BadPage' } });
  });

  it('list-employees 400 BadRequest for a sort field outside the allowed list conforms', async () => {
    const { status, body } = await expectConformant(await list('?sort=salary'), listEmployees);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'BadRequest' } });
  });

  it('list-employees `fields` is comma-separated text (reference §2.1; the spec types it as an array of EmployeeOptionalField but describes and exemplifies "workEmail,mobilePhone")', async () => {
    // Patch: every record carries both requested extras as string|null; the spec lists the
    // properties but cannot require what the caller asked for.
    const extra = { type: ['string', 'null'] };
    const { body } = await expectConformant(await list('?fields=workEmail,departmentId'), {
      ...listEmployees,
      patch: tighten('reference §2.1: requested extras present as string|null', {
        properties: {
          data: {
            items: {
              required: ['workEmail', 'departmentId'],
              properties: { workEmail: extra, departmentId: extra },
            },
          },
        },
      }),
    });
    expect((body as ListPage).data[0]?.workEmail).toEqual(expect.any(String));
  });

  it('list-employees filter[ids][] batch fetch and filter[status] conform', async () => {
    const batch = (
      await expectConformant(await list('?filter[ids][]=3&filter[ids][]=5'), listEmployees)
    ).body as ListPage;
    expect(batch.data.map((row) => row.employeeId).sort()).toEqual(['3', '5']);
    expect(batch.meta.total).toBe(2);
    const inactive = (await expectConformant(await list('?filter[status]=inactive'), listEmployees))
      .body as ListPage;
    expect(inactive.data.length).toBeGreaterThan(0);
    expect(inactive.data.every((row) => row.status === 'Inactive')).toBe(true);
  });
});

describe('get-employee (GET /api/v1/employees/{id})', () => {
  it('get-employee 200 conforms to the spec (standard fields and a custom field alias)', async () => {
    const fields = `firstName,lastName,jobTitle,department,hireDate,workEmail,supervisor,${customAlias}`;
    const { body } = await expectConformant(
      await call('GET', `/v1/employees/1?fields=${fields}`),
      getEmployee,
    );
    expect(body).toMatchObject({ id: '1', firstName: expect.any(String) });
    expect(body).toHaveProperty(customAlias);
  });

  it('get-employee 200 for id 0 is the key owner and conforms', async () => {
    const { body } = await expectConformant(await call('GET', '/v1/employees/0'), getEmployee);
    expect(body).toMatchObject({ id: '1' });
  });

  it('get-employee 200 XML (Accept: application/xml) is well-formed, declared application/xml, root <employee>', async () => {
    const result = await expectConformant(
      await call('GET', '/v1/employees/1?fields=firstName,lastName', { accept: 'application/xml' }),
      { ...getEmployee, xmlRoot: 'employee' },
    );
    expect(result.mediaType).toBe('application/xml');
  });

  it('get-employee 400 when more than 400 fields are requested conforms', async () => {
    const fields = Array.from({ length: 401 }, (_, i) => `customField${i}`).join(',');
    const { status } = await expectConformant(
      await call('GET', `/v1/employees/1?fields=${fields}`),
      getEmployee,
    );
    expect(status).toBe(400);
  });

  it('get-employee 404 for an unknown employee conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/99999'),
      getEmployee,
    );
    expect(status).toBe(404);
  });

  it('get-employee 403 for a token without an employee scope conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/1', { auth: tokenWith(['openid', 'time_off']) }),
      getEmployee,
    );
    expect(status).toBe(403);
  });
});

describe('get-employees-directory (GET /api/v1/employees/directory)', () => {
  const directory = { method: 'get', pathTemplate: '/api/v1/employees/directory' } as const;

  it('get-employees-directory 200 conforms to the spec', async () => {
    const { body } = await expectConformant(
      await call('GET', '/v1/employees/directory'),
      directory,
    );
    const { fields, employees } = body as { fields: unknown[]; employees: unknown[] };
    expect(fields.length).toBeGreaterThan(0);
    expect(employees.length).toBeGreaterThan(0);
  });

  it('get-employees-directory 200 XML is declared application/xml with the <directory> root the spec names', async () => {
    const result = await expectConformant(
      await call('GET', '/v1/employees/directory', { accept: 'application/xml' }),
      directory,
    );
    expect(result.text).toContain('<employee ');
  });

  it('get-employees-directory 403 for a token without employee_directory conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', '/v1/employees/directory', { auth: tokenWith(['openid', 'time_off']) }),
      directory,
    );
    expect(status).toBe(403);
  });
});

describe('get-changed-employee-ids (GET /api/v1/employees/changed)', () => {
  const changed = { method: 'get', pathTemplate: '/api/v1/employees/changed' } as const;
  const since = encodeURIComponent('2020-01-01T00:00:00Z');

  it('get-changed-employee-ids 200 conforms to the spec (employees is a map keyed by id)', async () => {
    const { body } = await expectConformant(
      await call('GET', `/v1/employees/changed?since=${since}`),
      changed,
    );
    const entries = Object.entries(
      (body as { employees: Record<string, { id: string }> }).employees,
    );
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, value] of entries) expect(value.id).toBe(key);
  });

  it('get-changed-employee-ids 200 with type=updated conforms', async () => {
    await expectConformant(
      await call('GET', `/v1/employees/changed?since=${since}&type=updated`),
      changed,
    );
  });

  it('get-changed-employee-ids 400 without since conforms', async () => {
    const { status } = await expectConformant(await call('GET', '/v1/employees/changed'), changed);
    expect(status).toBe(400);
  });

  it('get-changed-employee-ids 400 for an invalid type conforms', async () => {
    const { status } = await expectConformant(
      await call('GET', `/v1/employees/changed?since=${since}&type=moved`),
      changed,
    );
    expect(status).toBe(400);
  });
});
