/** In-process calls to a BambooHR sandbox for the core and employees tests. */
import type { BambooHrSandbox } from '../../../../../src/sandbox/bamboohr/app.js';

export const HOST_ORIGIN = 'http://acme.bamboohr.test';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = unknown>(): T;
}

export async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: <T>() => JSON.parse(text) as T,
  };
}

/** `url` is absolute; headers as given. */
export async function fetchApp(
  sandbox: BambooHrSandbox,
  url: string,
  init: RequestInit = {},
): Promise<Reply> {
  return reply(await sandbox.app.fetch(new Request(url, init)));
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
