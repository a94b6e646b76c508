/** Get Employee (reference §2.2, spec get-employee) and the field values behind it (§3.4). */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import {
  createFieldCatalog,
  fieldValue,
  STANDARD_FIELDS,
} from '../../../../../src/sandbox/bamboohr/fields.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';
import type { JobRow, Person, SyntheticCompany } from '../../../../../src/sandbox/company/types.js';

const company = createCompany({ size: 60, customFieldCount: 450, seed: 9 });
const sandbox = createBambooHrSandbox({ companies: [company] });
const auth = sandbox.basicAuthFor();

async function get(path: string, accept: string | null = 'application/json', as = auth) {
  const headers: Record<string, string> = { authorization: as };
  if (accept) headers.accept = accept;
  const res = await sandbox.app.fetch(
    new Request(`http://acme.bamboohr.test/api${path}`, { headers }),
  );
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('BambooHR Get Employee', () => {
  it('BambooHR: fields default to firstName,lastName and id is always present (as a string)', async () => {
    const reply = await get('/v1/employees/4');
    const person = company.person(4)!;
    expect(JSON.parse(reply.text)).toEqual({
      id: '4',
      firstName: person.firstName,
      lastName: person.lastName,
    });
  });

  it('BambooHR: more than 400 fields is a 400', async () => {
    const names = STANDARD_FIELDS.map((f) => f.alias).concat(
      company.customFields.map((f) => f.alias),
    );
    expect(names.length).toBeGreaterThan(400);
    const exactly = await get(`/v1/employees/1?fields=${names.slice(0, 400).join(',')}`);
    expect(exactly.status).toBe(200);
    expect(Object.keys(JSON.parse(exactly.text))).toHaveLength(401);
    const over = await get(`/v1/employees/1?fields=${names.slice(0, 401).join(',')}`);
    expect(over.status).toBe(400);
    expect(over.text).toBe('');
    expect(over.headers.get('x-bamboohr-error-message')).toMatch(/400/);
  });

  it('BambooHR: fields are found by name, by custom alias and by numeric id; unknown ones are left out', async () => {
    const custom = company.customFields[3]!;
    const reply = await get(`/v1/employees/2?fields=jobTitle,${custom.alias},${custom.id},4,nope`);
    const body = JSON.parse(reply.text);
    const person = company.person(2)!;
    const catalog = createFieldCatalog(company);
    expect(body.jobTitle).toBe(catalog.value(person, 'jobTitleName'));
    expect(body[custom.alias]).toBe(company.customValue(person, custom));
    expect(body[String(custom.id)]).toBe(company.customValue(person, custom));
    expect(body['4']).toBe(catalog.value(person, 'department'));
    expect(body).not.toHaveProperty('nope');
  });

  it('BambooHR: id 0 is the key’s own employee; an unknown id is a 404', async () => {
    const mine = await get(
      '/v1/employees/0?fields=lastName',
      'application/json',
      sandbox.basicAuthFor(undefined, 9),
    );
    expect(JSON.parse(mine.text)).toEqual({ id: '9', lastName: company.person(9)!.lastName });
    const missing = await get('/v1/employees/100000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-bamboohr-error-message')).toBeTruthy();
  });

  it('BambooHR: XML unless the client accepts JSON (<employee id><field id>…)', async () => {
    for (const accept of [null, '*/*', 'application/xml', 'text/xml']) {
      const reply = await get('/v1/employees/3?fields=firstName,middleName', accept);
      expect(reply.headers.get('content-type'), String(accept)).toMatch(/^application\/xml/);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(reply.text);
      expect(doc.employee['@_id']).toBe('3');
      expect(doc.employee.field[0]).toMatchObject({
        '@_id': 'firstName',
        '#text': company.person(3)!.firstName,
      });
    }
    const json = await get('/v1/employees/3?fields=firstName&format=json', null);
    expect(json.headers.get('content-type')).toMatch(/json/);
  });

  it('BambooHR values: dates yyyy-mm-dd, list values as option text, employees as "First Last", currency with its code', async () => {
    const person = company.people.find((p) => company.currentJob(p).managerId !== null)!;
    const manager = company.person(company.currentJob(person).managerId!)!;
    const reply = await get(
      `/v1/employees/${person.id}?fields=hireDate,department,supervisor,supervisorEId,payRate,status,country`,
    );
    const body = JSON.parse(reply.text);
    const comp = company.currentCompensation(person);
    expect(body.hireDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.department).toBe(
      company.departments.find((d) => d.id === company.currentJob(person).departmentId)!.name,
    );
    expect(body.supervisor).toBe(
      `${manager.preferredName ?? manager.firstName} ${manager.lastName}`,
    );
    expect(body.supervisorEId).toBe(String(manager.id));
    expect(body.payRate).toBe(`${comp.amount} ${comp.currency}`);
    expect(body.status).toBe(person.status);
    expect(body.country).not.toMatch(/^[A-Z]{2}$/);
  });

  it('onlyCurrent=false returns future-dated history values; the default returns current ones', async () => {
    const base = company.person(5)!;
    const current = company.currentJob(base);
    const future: JobRow = {
      ...current,
      id: 99_999,
      effectiveDate: '2099-01-01',
      jobTitleId: otherTitle(company, current.jobTitleId),
    };
    const person: Person = { ...base, jobHistory: [...base.jobHistory, future] };
    const patched: SyntheticCompany = {
      ...company,
      person: (id) => (id === 5 ? person : company.person(id)),
    };
    const local = createBambooHrSandbox({ companies: [patched] });
    const fetchTitle = async (query: string) => {
      const res = await local.app.fetch(
        new Request(`http://acme.bamboohr.test/api/v1/employees/5?fields=jobTitle${query}`, {
          headers: { authorization: local.basicAuthFor(), accept: 'application/json' },
        }),
      );
      return (await res.json()).jobTitle as string;
    };
    const titleOf = (id: number) => company.jobTitles.find((t) => t.id === id)!.name;
    expect(await fetchTitle('')).toBe(titleOf(current.jobTitleId));
    expect(await fetchTitle('&onlyCurrent=false')).toBe(titleOf(future.jobTitleId));
  });
});

function otherTitle(company: SyntheticCompany, id: number): number {
  return company.jobTitles.find((t) => t.id !== id)!.id;
}

describe('field catalogue', () => {
  it('every standard field reads as string or null for every person, and fieldValue agrees with the catalogue', () => {
    const catalog = createFieldCatalog(company);
    const odd = company.people.flatMap((person) =>
      catalog
        .values(person, catalog.all)
        .filter((value) => value !== null && typeof value !== 'string'),
    );
    expect(odd).toEqual([]);
    const person = company.person(7)!;
    expect(fieldValue(company, person, 'workEmail')).toBe(person.workEmail);
    expect(fieldValue(company, person, 'WORKEMAIL')).toBe(person.workEmail);
    expect(fieldValue(company, person, '32')).toBe(person.workEmail);
  });

  it('standard field ids are below 5000 and no id or alias is used twice', () => {
    const catalog = createFieldCatalog(company);
    expect(STANDARD_FIELDS.every((f) => f.id < 5000)).toBe(true);
    const ids = catalog.all.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const aliases = catalog.all.map((f) => f.alias.toLowerCase());
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
