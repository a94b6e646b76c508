/**
 * RFC 6761 §6.3: names under `.localhost` resolve to loopback. glibc does not do this, so the
 * sandbox's company hosts (`acme.localhost:4010`, standing in for `acme.bamboohr.com`) would not
 * resolve; the http client resolves them itself and hands every other name to the system.
 */
import { type LookupAddress, type LookupAllOptions, type LookupOptions, lookup } from 'node:dns';

type Callback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export function isLocalhostName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost');
}

export function localhostAwareLookup(
  hostname: string,
  options: LookupOptions | LookupAllOptions,
  callback: Callback,
): void {
  if (!isLocalhostName(hostname)) {
    lookup(hostname, options as LookupAllOptions, callback as never);
    return;
  }
  if ('all' in options && options.all) {
    callback(null, [{ address: '127.0.0.1', family: 4 }]);
  } else {
    callback(null, '127.0.0.1', 4);
  }
}
