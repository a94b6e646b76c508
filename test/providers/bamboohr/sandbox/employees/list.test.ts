/** List Employees filters, sort, fields, cursors and links (reference §2.1, spec list-employees). */
import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import { createFieldCatalog } from '../../../../../src/sandbox/bamboohr/fields.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';
import type { Person } from '../../../../../src/sandbox/company/types.js';

type Row = Record<string, unknown> & { employeeId: string };
interface Page {
  data: Row[];
  meta: {
    total: number;
    page: { limit: number; nextCursor: string | null; prevCursor: string | null };
  };
  _links: { self: { href: string }; next?: { href: string }; prev?: { href: string } };
}

const company = createCompany({ size: 300, customFieldCount: 0, seed: 5 });
const catalog = createFieldCatalog(company);
const sandbox = createBambooHrSandbox({ companies: [company] });
const token = sandbox.issueAccessToken().accessToken;

async function list(query: string, origin = 'http://acme.bamboohr.test/api') {
  const res = await sandbox.app.fetch(
    new Request(`${origin}/v1/employees${query ? `?${query}` : ''}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    }),
  );
  const body = (await res.json()) as Page & { error?: { code: string; message: string } };
  return { status: res.status, body };
}

const ids = (page: Page) => page.data.map((row) => Number(row.employeeId));
const title = (person: Person) => catalog.value(person, 'jobTitleName') ?? '';
const all = 'page[limit]=2500';

describe('BambooHR List Employees filters', () => {
  it('BambooHR: filter[firstName] and filter[lastName] match substrings, case-insensitively', async () => {
    const sample = company.people[10]!;
    const part = sample.lastName.slice(1, 4);
    const { body } = await list(
      `filter[lastName]=${encodeURIComponent(part.toUpperCase())}&${all}`,
    );
    const expected = company.people.filter((p) =>
      p.lastName.toLowerCase().includes(part.toLowerCase()),
    );
    expect(ids(body)).toEqual(expected.map((p) => p.id));
    expect(body.meta.total).toBe(expected.length);
    const first = sample.firstName.slice(0, 3).toLowerCase();
    const byFirst = await list(`filter[firstName]=${encodeURIComponent(first)}&${all}`);
    expect(ids(byFirst.body)).toEqual(
      company.people.filter((p) => p.firstName.toLowerCase().includes(first)).map((p) => p.id),
    );
  });

  it('BambooHR: filter[jobTitleName] matches the current job title; filters combine with AND', async () => {
    const { body } = await list(`filter[jobTitleName]=engineer&filter[status]=active&${all}`);
    const expected = company.people.filter(
      (p) => title(p).toLowerCase().includes('engineer') && p.status === 'Active',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(body)).toEqual(expected.map((p) => p.id));
  });

  it('BambooHR: filter[status] is active or inactive; anything else is a 400 BadRequest', async () => {
    const inactive = await list(`filter[status]=inactive&${all}`);
    const expected = company.people.filter((p) => p.status === 'Inactive');
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(inactive.body)).toEqual(expected.map((p) => p.id));
    expect(inactive.body.data.every((row) => row.status === 'Inactive')).toBe(true);
    const bad = await list('filter[status]=retired');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('BadRequest');
  });

  it('BambooHR: filter[ids][]=… repeated and filter[ids]=a,b (compatibility form) both batch-fetch', async () => {
    const repeated = await list('filter[ids][]=12&filter[ids][]=3&filter[ids][]=999999');
    const comma = await list('filter[ids]=3,12');
    expect(ids(repeated.body)).toEqual([3, 12]);
    expect(ids(comma.body)).toEqual([3, 12]);
    expect(repeated.body.meta.total).toBe(2);
    expect((await list('filter[ids]=3,x')).status).toBe(400);
  });

  it('an unknown filter is a 400 BadRequest', async () => {
    const { status, body } = await list('filter[department]=Sales');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BadRequest' });
  });
});

describe('BambooHR List Employees sort', () => {
  it('BambooHR: sort=lastName ascending, -lastName descending, ties by employee id', async () => {
    const asc = ids((await list(`sort=lastName&${all}`)).body);
    const byName = (a: Person, b: Person) => {
      const x = a.lastName.toLowerCase();
      const y = b.lastName.toLowerCase();
      return x === y ? 0 : x < y ? -1 : 1;
    };
    expect(asc).toEqual(
      [...company.people].sort((a, b) => byName(a, b) || a.id - b.id).map((p) => p.id),
    );
    const desc = ids((await list(`sort=-lastName&${all}`)).body);
    expect(desc).toEqual(
      [...company.people].sort((a, b) => -byName(a, b) || a.id - b.id).map((p) => p.id),
    );
  });

  it('BambooHR: nulls sort first ascending and last descending (preferredName)', async () => {
    const nulls = company.people.filter((p) => p.preferredName === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(nulls).toBeLessThan(company.people.length);
    const asc = (await list(`sort=preferredName&${all}`)).body.data;
    expect(asc.slice(0, nulls).every((row) => row.preferredName === null)).toBe(true);
    expect(asc.slice(nulls).every((row) => row.preferredName !== null)).toBe(true);
    const desc = (await list(`sort=-preferredName&${all}`)).body.data;
    expect(desc.slice(-nulls).every((row) => row.preferredName === null)).toBe(true);
    expect(desc.slice(0, -nulls).every((row) => row.preferredName !== null)).toBe(true);
  });

  it('BambooHR: several sort fields apply in order (status, then -employeeId)', async () => {
    const got = ids((await list(`sort=status,-employeeId&${all}`)).body);
    const expected = [...company.people]
      .sort((a, b) => (a.status === b.status ? b.id - a.id : a.status < b.status ? -1 : 1))
      .map((p) => p.id);
    expect(got).toEqual(expected);
  });

  it('BambooHR: an invalid sort field is a 400 BadRequest', async () => {
    const { status, body } = await list('sort=salary');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BadRequest');
  });
});

describe('BambooHR List Employees records and fields', () => {
  it('BambooHR: each record has employeeId (string), names, photoUrl, jobTitleName, status and _restrictedFields', async () => {
    const { body } = await list('page[limit]=5');
    const person = company.people[0]!;
    expect(body.data[0]).toEqual({
      employeeId: '1',
      firstName: person.firstName,
      lastName: person.lastName,
      preferredName: person.preferredName,
      photoUrl: catalog.value(person, 'photoUrl'),
      jobTitleName: title(person),
      status: person.status,
      _restrictedFields: [],
    });
  });

  it('BambooHR: fields adds extras as string|null; unknown names are silently ignored', async () => {
    const { status, body } = await list(
      'filter[ids]=2&fields=workEmail,departmentId,reportsToId,noSuchField',
    );
    expect(status).toBe(200);
    const row = body.data[0]!;
    const person = company.person(2)!;
    expect(row.workEmail).toBe(person.workEmail);
    expect(row.departmentId).toBe(String(company.currentJob(person).departmentId));
    expect(row.reportsToId === null || typeof row.reportsToId === 'string').toBe(true);
    expect(row).not.toHaveProperty('noSuchField');
  });

  it('fields may also come as repeated parameters (the spec types it as an array)', async () => {
    const { body } = await list('filter[ids]=2&fields=workEmail&fields=hireDate');
    expect(body.data[0]).toMatchObject({
      workEmail: company.person(2)!.workEmail,
      hireDate: company.person(2)!.hireDate,
    });
  });

  it('BambooHR: page[limit] defaults to 250 and may not exceed 2500 (or go below 1)', async () => {
    const { body } = await list('');
    expect(body.meta.page.limit).toBe(250);
    expect(body.data).toHaveLength(250);
    expect(body.meta.total).toBe(300);
    for (const limit of ['0', '2501', 'ten']) {
      const { status, body: error } = await list(`page[limit]=${limit}`);
      expect(status, limit).toBe(400);
      expect(error.error?.code).toBe('BadRequest');
    }
  });
});

describe('BambooHR List Employees cursors and links', () => {
  it('BambooHR: a malformed cursor is a 400 BadPage', async () => {
    for (const cursor of ['not-base64!', Buffer.from('{"d":"a"}').toString('base64'), 'eyJ']) {
      const { status, body } = await list(`page[after]=${encodeURIComponent(cursor)}`);
      expect(status, cursor).toBe(400);
      expect(body.error?.code).toBe('BadPage');
    }
  });

  it('BambooHR: a cursor used in the wrong direction is a 400 BadPage', async () => {
    const first = (await list('page[limit]=10')).body;
    const { status, body } = await list(
      `page[limit]=10&page[before]=${encodeURIComponent(first.meta.page.nextCursor!)}`,
    );
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BadPage');
  });

  it('BambooHR: a cursor from another query (other filter or sort) is a 400 BadPage', async () => {
    const first = (await list('page[limit]=10&sort=lastName')).body;
    const cursor = encodeURIComponent(first.meta.page.nextCursor!);
    expect((await list(`page[limit]=10&sort=lastName&page[after]=${cursor}`)).status).toBe(200);
    // A different page size is the same query.
    expect((await list(`page[limit]=20&sort=lastName&page[after]=${cursor}`)).status).toBe(200);
    for (const other of ['sort=firstName', 'sort=lastName&filter[status]=active', '']) {
      const { status, body } = await list(`page[limit]=10&${other}&page[after]=${cursor}`);
      expect(status, other).toBe(400);
      expect(body.error?.code).toBe('BadPage');
    }
  });

  it('BambooHR: a boundary employee that no longer matches is a 400 BadPage', async () => {
    // A forged cursor naming an id outside the filtered set stands in for a deleted employee.
    const first = (await list('page[limit]=2&filter[ids]=1,2,3')).body;
    const forged = JSON.parse(Buffer.from(first.meta.page.nextCursor!, 'base64').toString());
    forged.e = 250;
    const cursor = encodeURIComponent(Buffer.from(JSON.stringify(forged)).toString('base64'));
    const { status, body } = await list(`page[limit]=2&filter[ids]=1,2,3&page[after]=${cursor}`);
    expect(status).toBe(400);
    expect(body.error?.code).toBe('BadPage');
  });

  it('BambooHR: page[after] with page[before] together is a 400 BadPage', async () => {
    const first = (await list('page[limit]=10')).body;
    const cursor = encodeURIComponent(first.meta.page.nextCursor!);
    expect((await list(`page[after]=${cursor}&page[before]=${cursor}`)).body.error?.code).toBe(
      'BadPage',
    );
  });

  it('BambooHR: _links are built from the sandbox’s own base URL, in the caller’s URL form; next/prev only when such a page exists', async () => {
    const host = (await list('page[limit]=100&sort=lastName')).body;
    expect(host._links.self.href).toBe(
      'http://acme.bamboohr.test/api/v1/employees?page%5Blimit%5D=100&sort=lastName',
    );
    expect(host._links.next?.href).toBe(
      `http://acme.bamboohr.test/api/v1/employees?page%5Blimit%5D=100&sort=lastName&page%5Bafter%5D=${encodeURIComponent(host.meta.page.nextCursor!)}`,
    );
    expect(host._links.prev).toBeUndefined();
    const gateway = (await list('page[limit]=100', 'https://api.bamboohr.com/api/gateway.php/acme'))
      .body;
    expect(gateway._links.self.href).toBe(
      'https://api.bamboohr.com/api/gateway.php/acme/v1/employees?page%5Blimit%5D=100',
    );
    const next = new URL(gateway._links.next!.href);
    const second = (
      await list(next.search.slice(1), 'https://api.bamboohr.com/api/gateway.php/acme')
    ).body;
    expect(second._links.prev).toBeDefined();
    expect(second._links.next).toBeDefined();
    const last = (await list(new URL(second._links.next!.href).search.slice(1))).body;
    expect(last.data).toHaveLength(100);
    expect(last._links.next).toBeUndefined();
    expect(last.meta.page.nextCursor).toBeNull();
  });
});
