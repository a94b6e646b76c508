/**
 * In-process access to the BambooHR sandbox for the route tests: one small company, requests
 * through `app.fetch` on the current URL form, authenticated with an employee's API key.
 */
import { createBambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';
import { createManualClock } from '../../../../../src/sandbox/common/clock.js';

export interface CallOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Whose API key signs the request. @default 1 (the admin) */
  readonly as?: number;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = unknown>(): T;
}

export function createHarness(size = 40) {
  const sandbox = createBambooHrSandbox({
    companies: [{ size, customFieldCount: 10 }],
    clock: createManualClock(),
    lockout: false,
  });
  const company = sandbox.company.data;

  async function call(path: string, options: CallOptions = {}): Promise<Reply> {
    const request = new Request(`http://acme.bamboohr.test/api${path}`, {
      method: options.method ?? 'GET',
      headers: {
        authorization: sandbox.basicAuthFor(undefined, options.as ?? 1),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: options.body }),
    });
    const response = await sandbox.app.fetch(request);
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  /** GET (or any method) asking for JSON. */
  function callJson(path: string, options: CallOptions = {}): Promise<Reply> {
    return call(path, { ...options, headers: { accept: 'application/json', ...options.headers } });
  }

  /** POST a JSON body with exactly `Content-Type: application/json`. */
  function postJson(path: string, body: unknown, options: CallOptions = {}): Promise<Reply> {
    return call(path, {
      ...options,
      method: options.method ?? 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...options.headers,
      },
      body: JSON.stringify(body),
    });
  }

  return { sandbox, company, call, callJson, postJson };
}
