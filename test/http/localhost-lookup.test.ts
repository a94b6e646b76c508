import { describe, expect, it } from 'vitest';
import { isLocalhostName, localhostAwareLookup } from '../../src/http/localhost-lookup.js';

describe('RFC 6761 §6.3: .localhost names are loopback', () => {
  it('recognises localhost and its subdomains, in any case and with a trailing dot', () => {
    expect(isLocalhostName('localhost')).toBe(true);
    expect(isLocalhostName('acme.localhost')).toBe(true);
    expect(isLocalhostName('ACME.LocalHost.')).toBe(true);
    expect(isLocalhostName('acme.bamboohr.com')).toBe(false);
    expect(isLocalhostName('localhost.example.com')).toBe(false);
  });

  it('answers single and all-address lookups with 127.0.0.1', async () => {
    const single = await new Promise((resolve) =>
      localhostAwareLookup('acme.localhost', {}, (_e, address, family) =>
        resolve([address, family]),
      ),
    );
    expect(single).toEqual(['127.0.0.1', 4]);
    const all = await new Promise((resolve) =>
      localhostAwareLookup('acme.localhost', { all: true }, (_e, address) => resolve(address)),
    );
    expect(all).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
