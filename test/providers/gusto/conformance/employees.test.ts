/** Employees: the list (paging headers, filters, include) and one employee, against the spec. */
import { describe, expect, it } from 'vitest';
import { gustoEmployeeUuid } from '../../../../src/sandbox/gusto/index.js';
import { loadConformance } from '../../../conformance/support/conformance.js';
import { createGustoConformanceSandbox } from '../../../conformance/support/gusto-sandbox.js';
import { tighten } from '../../../conformance/support/patch.js';

const { expectConformant } = await loadConformance({ provider: 'gusto' });
const { call, companyUuid, tokenWith } = createGustoConformanceSandbox();

const list = { method: 'get', pathTemplate: '/v1/companies/{company_id}/employees' } as const;
const one = { method: 'get', pathTemplate: '/v1/employees/{employee_id}' } as const;
const listPath = `/v1/companies/${companyUuid}/employees`;
const undeclared422 = {
  reason:
    'the spec declares only 200/404 here; bad query parameters answer 422 Unprocessable-Entity-Error-Object, the error shape the spec uses for invalid_attribute_value (reference §3)',
};

describe('get-v1-companies-company_id-employees', () => {
  it('200 without paging: every employee, a bare array, no paging headers', async () => {
    const res = await expectConformant(await call('GET', listPath), list);
    expect(res.body).toHaveLength(40);
    expect(res.headers.get('x-total-count')).toBeNull();
  });

  it('200 with paging: X-Page, X-Per-Page, X-Total-Count, X-Total-Pages (docs: Pagination)', async () => {
    const res = await expectConformant(await call('GET', `${listPath}?page=2&per=15`), list);
    expect(res.body).toHaveLength(15);
    expect(
      Object.fromEntries(
        ['x-page', 'x-per-page', 'x-total-count', 'x-total-pages'].map((h) => [
          h,
          res.headers.get(h),
        ]),
      ),
    ).toEqual({
      'x-page': '2',
      'x-per-page': '15',
      'x-total-count': '40',
      'x-total-pages': '3',
    });
    expect(res.headers.get('link')).toBeNull();
  });

  it('200 with every include and every filter conforms', async () => {
    const includes =
      'all_compensations,all_home_addresses,company_name,current_home_address,custom_fields,portal_invitations';
    const res = await expectConformant(
      await call(
        'GET',
        `${listPath}?include=${includes}&sort_by=name&onboarded=true&terminated=false&per=5`,
      ),
      {
        ...list,
        patch: tighten('include=custom_fields adds custom_fields (spec: Employee.custom_fields)', {
          type: 'array',
          minItems: 1,
          items: {
            required: [
              'custom_fields',
              'current_home_address',
              'all_home_addresses',
              'member_portal_invitation_status',
            ],
          },
        }),
      },
    );
    expect(res.body).toHaveLength(5);
  });

  it('without compensations:read the jobs carry no rate, payment_unit, current_compensation_uuid or compensations (spec)', async () => {
    const token = tokenWith(['employees:read']);
    const res = await expectConformant(await call('GET', `${listPath}?per=3`, { token }), list);
    for (const employee of res.body as Array<{ jobs: Array<Record<string, unknown>> }>) {
      for (const job of employee.jobs) {
        expect(Object.keys(job)).not.toEqual(expect.arrayContaining(['rate']));
        expect(job).not.toHaveProperty('compensations');
        expect(job).not.toHaveProperty('payment_unit');
        expect(job).not.toHaveProperty('current_compensation_uuid');
      }
    }
  });

  it('404 for another company', async () => {
    const res = await expectConformant(
      await call('GET', '/v1/companies/00000000-0000-4000-8000-000000000000/employees'),
      list,
    );
    expect(res.status).toBe(404);
  });

  it.each([
    ['per beyond the maximum 100', '?per=101', 'per'],
    ['per zero', '?per=0', 'per'],
    ['page not a number', '?page=x', 'page'],
    ['unknown include', '?include=salary', 'include'],
    ['unknown sort_by', '?sort_by=email', 'sort_by'],
    [
      'sort_by with search_term (spec: "Cannot be used with search_term")',
      '?sort_by=name&search_term=a',
      'sort_by',
    ],
    ['a boolean that is not true/false', '?terminated=yes', 'terminated'],
  ])('422 for %s', async (_name, query, key) => {
    const res = await expectConformant(await call('GET', `${listPath}${query}`), {
      ...list,
      undocumented: undeclared422,
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      errors: [expect.objectContaining({ error_key: key, category: 'invalid_attribute_value' })],
    });
  });
});

describe('get-v1-employees', () => {
  it('200 conforms, with and without include', async () => {
    const uuid = gustoEmployeeUuid(3);
    const plain = await expectConformant(await call('GET', `/v1/employees/${uuid}`), one);
    expect(plain.body).toMatchObject({ uuid });
    expect(plain.body).not.toHaveProperty('custom_fields');
    const full = await expectConformant(
      await call('GET', `/v1/employees/${uuid}?include=custom_fields,all_compensations`),
      one,
    );
    expect(full.body).toHaveProperty('custom_fields');
  });

  it('404 for an unknown employee', async () => {
    for (const id of [gustoEmployeeUuid(41), 'not-a-uuid']) {
      const res = await expectConformant(await call('GET', `/v1/employees/${id}`), one);
      expect(res.status).toBe(404);
    }
  });
});
