import { describe, expect, it } from 'vitest';
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import { createCompany } from '../../../../../src/sandbox/company/index.js';
import { fetchApp } from './support.js';

const acme = createCompany({ size: 20, customFieldCount: 5 });
const globex = createCompany({ size: 12, customFieldCount: 0, domain: 'globex', seed: 7 });
const sandbox = createBambooHrSandbox({ companies: [acme, globex] });
const key = sandbox.basicAuthFor('acme');
const json = { authorization: key, accept: 'application/json' };

describe('BambooHR URL forms (reference §1.1, §9)', () => {
  it('BambooHR: the gateway form /api/gateway.php/{company}/v1/… and the host form {company}.bamboohr.com/api/v1/… answer the same', async () => {
    const path = '/v1/employees/3?fields=firstName,lastName,jobTitle';
    const gateway = await fetchApp(
      sandbox,
      `https://api.bamboohr.com/api/gateway.php/acme${path}`,
      { headers: json },
    );
    const hosts = [
      'https://acme.bamboohr.com',
      'http://acme.bamboohr.test',
      'http://acme.localhost:8123',
    ];
    expect(gateway.status).toBe(200);
    for (const origin of hosts) {
      const hosted = await fetchApp(sandbox, `${origin}/api${path}`, { headers: json });
      expect(hosted.status, origin).toBe(200);
      expect(hosted.json()).toEqual(gateway.json());
    }
  });

  it('BambooHR: each company is served under its own domain', async () => {
    const globexKey = sandbox.basicAuthFor('globex');
    const reply = await fetchApp(
      sandbox,
      'http://globex.bamboohr.test/api/v1/employees/1?fields=lastName',
      {
        headers: { authorization: globexKey, accept: 'application/json' },
      },
    );
    expect(reply.json()).toEqual({ id: '1', lastName: globex.people[0]!.lastName });
  });

  it('BambooHR: an unknown company is a 404 with an empty body and the message in X-BambooHR-Error-Message', async () => {
    for (const url of [
      'https://api.bamboohr.com/api/gateway.php/initech/v1/employees/1',
      'http://initech.bamboohr.test/api/v1/employees/1',
      // No company in the host at all.
      'http://127.0.0.1:9/api/v1/employees/1',
    ]) {
      const reply = await fetchApp(sandbox, url, { headers: json });
      expect(reply.status, url).toBe(404);
      expect(reply.text).toBe('');
      expect(reply.headers.get('x-bamboohr-error-message')).toBeTruthy();
    }
  });

  it('BambooHR: an unknown path is a 404 with an empty body', async () => {
    const reply = await fetchApp(sandbox, 'http://acme.bamboohr.test/api/v1/no-such-thing', {
      headers: json,
    });
    expect(reply.status).toBe(404);
    expect(reply.text).toBe('');
  });
});

describe('request log', () => {
  it('records each request with its normalised path, query, company, auth kind, status and fields asked', async () => {
    sandbox.log.clear();
    await fetchApp(
      sandbox,
      'https://api.bamboohr.com/api/gateway.php/acme/v1/employees/2?fields=firstName,department',
      {
        headers: json,
      },
    );
    await fetchApp(sandbox, 'http://acme.bamboohr.test/api/v1/employees/2?fields=workEmail', {
      headers: json,
    });
    await fetchApp(sandbox, 'http://acme.bamboohr.test/api/v1/employees/2', {});
    const [first, second, third] = sandbox.log.entries();
    expect(first).toMatchObject({
      method: 'GET',
      path: '/v1/employees/2',
      query: { fields: 'firstName,department' },
      company: 'acme',
      auth: 'apiKey',
      status: 200,
      fieldsAsked: ['firstName', 'department'],
    });
    expect(second).toMatchObject({ path: '/v1/employees/2', fieldsAsked: ['workEmail'] });
    expect(third).toMatchObject({ auth: 'none', status: 401 });
    expect(second!.seq).toBe(first!.seq + 1);
    expect(sandbox.log.count()).toBe(3);
    expect(sandbox.log.count({ path: '/v1/employees/2', status: 200 })).toBe(2);
    expect(sandbox.log.count({ path: /^\/v1\/employees/, auth: 'none' })).toBe(1);
  });

  it('keeps the last N entries but counts every request', async () => {
    const small = createBambooHrSandbox({ companies: [acme], log: { capacity: 3 } });
    const auth = { authorization: small.basicAuthFor(), accept: 'application/json' };
    for (let id = 1; id <= 5; id++) {
      await fetchApp(small, `http://acme.bamboohr.test/api/v1/employees/${id}`, { headers: auth });
    }
    expect(small.log.count()).toBe(5);
    expect(small.log.entries().map((entry) => entry.path)).toEqual([
      '/v1/employees/3',
      '/v1/employees/4',
      '/v1/employees/5',
    ]);
  });
});
