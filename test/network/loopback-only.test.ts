/**
 * The guard that keeps the suite on loopback (test/setup/loopback-only.ts) must itself be proven
 * to catch what it claims to: each way out it closes is tried here, against addresses that are
 * reserved for documentation (RFC 5737, RFC 2606) so nothing real is ever touched.
 */
import dns from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { takeOutboundAttempts } from '../support/loopback-guard.js';

// These attempts are deliberate: take them so the file's own check does not fail on them.
afterEach(() => takeOutboundAttempts());

function connectError(options: net.NetConnectOpts): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(options);
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error('connected'));
    });
    socket.once('error', resolve);
  });
}

describe('loopback only: no test reaches another address', () => {
  it('a TCP connection to a non-loopback address is refused and recorded', async () => {
    const error = await connectError({ host: '192.0.2.1', port: 80 });
    expect(error.message).toMatch(/loopback guard/);
    expect(takeOutboundAttempts()).toMatchObject([{ via: 'connect', target: '192.0.2.1:80' }]);
  });

  it('fetch to a public name is refused before the name is resolved', async () => {
    await expect(fetch('https://usage-reporting.example.com/')).rejects.toThrow();
    const attempts = takeOutboundAttempts();
    expect(attempts.map((a) => a.target)).toContain('usage-reporting.example.com:443');
  });

  it('DNS lookups and queries of public names are refused and recorded', async () => {
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(/loopback guard/);
    await expect(
      new Promise((resolve, reject) =>
        dns.lookup('example.org', (error, address) => (error ? reject(error) : resolve(address))),
      ),
    ).rejects.toThrow(/loopback guard/);
    await expect(dns.promises.resolve4('example.net')).rejects.toThrow(/loopback guard/);
    expect(takeOutboundAttempts().map((a) => a.via)).toEqual(['dns', 'dns', 'dns']);
  });

  it('a local name resolved by a custom lookup to a public address is refused', async () => {
    const error = await connectError({
      host: 'sneaky.localhost',
      port: 80,
      lookup: (_host, _options, callback) =>
        (callback as (e: null, a: string, f: number) => void)(null, '198.51.100.7', 4),
    });
    expect(error.message).toMatch(/198\.51\.100\.7/);
    expect(takeOutboundAttempts()).toHaveLength(1);
  });

  it('loopback traffic goes through untouched', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const host of ['127.0.0.1', 'localhost'])
        expect(await (await fetch(`http://${host}:${port}/`)).text()).toBe('ok');
      expect(takeOutboundAttempts()).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
