/** Header checks: declared response headers present and typed; Retry-After parseable. */
import { assert } from 'vitest';
import type { ResponseObject } from './openapi-types.js';

/**
 * Every header the spec declares on the response is expected: the spec marks none `required`, but
 * its descriptions say the server sends them (datasets: "Echoes the client-provided value or a
 * generated identifier"). Retry-After is declared nowhere; where it is sent it must parse.
 */
export function checkHeaders(where: string, response: ResponseObject, headers: Headers): void {
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    if (name.toLowerCase() === 'content-type') continue;
    const value = headers.get(name);
    if (value === null) assert.fail(`${where}: declared header ${name} is missing`);
    if (header.schema?.type === 'integer' && !/^-?\d+$/.test(value)) {
      assert.fail(`${where}: header ${name} must be an integer, got ${JSON.stringify(value)}`);
    }
  }
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && !/^\d+$/.test(retryAfter) && Number.isNaN(Date.parse(retryAfter))) {
    assert.fail(
      `${where}: Retry-After must be delta-seconds or an HTTP-date, got ${JSON.stringify(retryAfter)}`,
    );
  }
}
