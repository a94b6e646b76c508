import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.js';

const { company, call, callJson } = createHarness();

describe('GET /v1/employees/directory (reference §2.3, spec get-employees-directory)', () => {
  it('BambooHR: the directory lists Active employees only, with a fieldset and canUploadPhoto as 0/1', async () => {
    const body = (await callJson('/v1/employees/directory')).json<{
      fields: Array<{ id: string; type: string; name: string }>;
      employees: Array<Record<string, unknown>>;
    }>();
    const active = company.people.filter(
      (p) => p.status === 'Active' && p.hireDate <= company.today,
    );
    expect(body.employees.map((e) => e.id)).toEqual(active.map((p) => String(p.id)));
    const fieldIds = body.fields.map((f) => f.id);
    expect(Object.keys(body.employees[0]!).slice(1)).toEqual(fieldIds);
    expect(body.employees.every((e) => e.canUploadPhoto === 0 || e.canUploadPhoto === 1)).toBe(
      true,
    );
  });

  it('BambooHR: the directory XML is <directory><fieldset><field id>…</fieldset><employees><employee id>', async () => {
    const reply = await call('/v1/employees/directory');
    expect(reply.headers.get('content-type')).toMatch(/^(text|application)\/xml/);
    expect(reply.text).toMatch(
      /<directory><fieldset><field id="displayName">Display name<\/field>/,
    );
    expect(reply.text).toMatch(/<employees><employee id="1"><field id="displayName">/);
  });
});

describe('GET /v1/employees/changed (reference §2.4, spec get-changed-employee-ids)', () => {
  const since = '2026-06-01T00:00:00Z';

  it('BambooHR: changed employees are a map keyed by id with action and lastChanged, plus latest', async () => {
    const body = (await callJson(`/v1/employees/changed?since=${encodeURIComponent(since)}`)).json<{
      latest: string;
      employees: Record<string, { id: string; action: string; lastChanged: string }>;
    }>();
    const expected = company.people.filter((p) => Date.parse(p.lastChanged) >= Date.parse(since));
    expect(Object.keys(body.employees)).toEqual(expected.map((p) => String(p.id)));
    const entries = Object.values(body.employees);
    expect(entries.every((e) => e.action === 'Updated' || e.action === 'Inserted')).toBe(true);
    const newest = Math.max(...entries.map((e) => Date.parse(e.lastChanged)));
    expect(Date.parse(body.latest)).toBe(newest);
  });

  it('BambooHR: changed employees created since `since` are Inserted; type filters the action', async () => {
    const created = [...company.people].sort((a, b) => (a.created < b.created ? 1 : -1))[0]!;
    const query = `since=${encodeURIComponent(created.created)}`;
    const inserted = (await callJson(`/v1/employees/changed?${query}&type=inserted`)).json<{
      employees: Record<string, { action: string }>;
    }>();
    expect(inserted.employees[String(created.id)]?.action).toBe('Inserted');
    const updated = (await callJson(`/v1/employees/changed?${query}&type=updated`)).json<{
      employees: Record<string, { action: string }>;
    }>();
    expect(Object.values(updated.employees).every((e) => e.action === 'Updated')).toBe(true);
  });

  it('BambooHR: changed employees with a missing or invalid since, or a bad type, is a 400', async () => {
    expect((await callJson('/v1/employees/changed')).status).toBe(400);
    expect((await callJson('/v1/employees/changed?since=last-week')).status).toBe(400);
    expect((await callJson(`/v1/employees/changed?since=${since}&type=moved`)).status).toBe(400);
  });

  it('BambooHR: a since with an unencoded + (read as a space) is a 400', async () => {
    expect((await callJson('/v1/employees/changed?since=2026-06-01T00:00:00+00:00')).status).toBe(
      400,
    );
    expect((await callJson('/v1/employees/changed?since=2026-06-01T00:00:00%2B00:00')).status).toBe(
      200,
    );
  });
});

describe('GET /v1/company_information (reference §5, spec get-company-information)', () => {
  it('BambooHR: company information has legalName, displayName, address and phone', async () => {
    const body = (await callJson('/v1/company_information')).json<Record<string, unknown>>();
    expect(body).toEqual({
      legalName: company.legalName,
      displayName: company.displayName,
      address: {
        line1: company.address.line1,
        line2: company.address.line2 ?? '',
        city: company.address.city,
        state: company.address.state ?? '',
        zip: company.address.zip,
      },
      phone: company.phone,
    });
  });
});
