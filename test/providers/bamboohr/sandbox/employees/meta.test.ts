/** /v1/meta/fields, /v1/meta/lists, /v1/meta/tables (reference §2.5–2.7). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';

const company = createCompany({ size: 40, customFieldCount: 30, seed: 3 });
const sandbox = createBambooHrSandbox({ companies: [company] });

async function get(path: string, accept: string | null = 'application/json') {
  const headers: Record<string, string> = { authorization: sandbox.basicAuthFor() };
  if (accept) headers.accept = accept;
  const res = await sandbox.app.fetch(
    new Request(`http://acme.bamboohr.test/api${path}`, { headers }),
  );
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['field', 'list', 'option', 'table'].includes(name),
});

describe('BambooHR meta endpoints', () => {
  it('BambooHR: /v1/meta/fields lists standard and custom fields as {id, name, type, alias}', async () => {
    const fields = JSON.parse((await get('/v1/meta/fields')).text) as {
      id: number;
      name: string;
      type: string;
      alias?: string;
    }[];
    const byAlias = new Map(fields.map((f) => [f.alias, f]));
    expect(byAlias.get('firstName')).toMatchObject({ type: 'text', name: 'First Name' });
    expect(byAlias.get('hireDate')).toMatchObject({ type: 'date' });
    for (const custom of company.customFields) {
      expect(byAlias.get(custom.alias)).toMatchObject({
        id: custom.id,
        name: custom.name,
        type: custom.type,
      });
    }
    expect(fields.every((f) => typeof f.id === 'number' && f.name && f.type)).toBe(true);
  });

  it('BambooHR: /v1/meta/fields answers XML without Accept: application/json', async () => {
    const reply = await get('/v1/meta/fields', null);
    expect(reply.type).toMatch(/^application\/xml/);
    // Deprecated fields carry deprecated="true": the document must stay well-formed.
    expect(XMLValidator.validate(reply.text)).toBe(true);
    expect(reply.text).toContain('deprecated="true"');
    const doc = xml.parse(reply.text);
    expect(
      doc.fields.field.find((f: Record<string, string>) => f['@_alias'] === 'lastName')['#text'],
    ).toBe('Last Name');
  });

  it('BambooHR: /v1/meta/lists carries department, division, location, jobTitle and employment status with their options', async () => {
    const lists = JSON.parse((await get('/v1/meta/lists')).text) as {
      fieldId: string;
      alias: string;
      manageable: string;
      multiple: string;
      options: { id: number; name: string; archived: string }[];
    }[];
    const byAlias = new Map(lists.map((l) => [l.alias, l]));
    expect(byAlias.get('department')!.options.map((o) => o.name)).toEqual(
      company.departments.map((d) => d.name),
    );
    expect(byAlias.get('division')!.options.map((o) => o.id)).toEqual(
      company.divisions.map((d) => d.id),
    );
    expect(byAlias.get('location')!.options).toHaveLength(company.locations.length);
    expect(byAlias.get('jobTitle')!.options).toHaveLength(company.jobTitles.length);
    expect(byAlias.get('employmentHistoryStatus')!.options.map((o) => o.name)).toContain(
      'Full-Time',
    );
    for (const list of lists) {
      expect(['yes', 'no']).toContain(list.manageable);
      expect(list.options.every((o) => o.archived === 'no' || o.archived === 'yes')).toBe(true);
    }
    const customList = company.customFields.find((f) => f.type === 'list');
    if (customList)
      expect(byAlias.get(customList.alias)!.options.map((o) => o.name)).toEqual(customList.options);
  });

  it('BambooHR: /v1/meta/lists in XML (and ?format=json switches to JSON)', async () => {
    const doc = xml.parse((await get('/v1/meta/lists', null)).text);
    const department = doc.lists.list.find(
      (l: Record<string, string>) => l['@_alias'] === 'department',
    );
    expect(department.name).toBe('Department');
    expect(department.options.option.map((o: Record<string, string>) => o['#text'])).toEqual(
      company.departments.map((d) => d.name),
    );
    const json = await get('/v1/meta/lists?format=json', null);
    expect(json.type).toMatch(/json/);
  });

  it('BambooHR: /v1/meta/tables names jobInfo, employmentStatus and compensation with typed fields', async () => {
    const tables = JSON.parse((await get('/v1/meta/tables')).text) as {
      alias: string;
      fields: { id: number; alias: string; type: string }[];
    }[];
    const aliases = tables.map((t) => t.alias);
    expect(aliases).toEqual(
      expect.arrayContaining(['jobInfo', 'employmentStatus', 'compensation']),
    );
    const jobInfo = tables.find((t) => t.alias === 'jobInfo')!;
    expect(jobInfo.fields.map((f) => f.alias)).toEqual([
      'date',
      'location',
      'division',
      'department',
      'jobTitle',
      'reportsTo',
    ]);
    const doc = xml.parse((await get('/v1/meta/tables', null)).text);
    expect(doc.tables.table.map((t: Record<string, string>) => t['@_alias'])).toEqual(aliases);
  });
});
