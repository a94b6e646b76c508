/**
 * Tests, examples and benchmarks talk to loopback only. This guard makes that a checked fact
 * rather than a hope: every TCP connection (net, tls, http, undici and fetch all end in
 * `Socket.prototype.connect`) and every DNS query goes through it, and anything bound for another
 * address is refused before a packet leaves and remembered, so the run can fail naming the culprit.
 * A dependency that starts phoning home (Apollo Gateway's telemetry probing cloud metadata servers
 * did) is then caught by CI instead of by a packet trace.
 *
 * Names are refused before they are resolved: resolving `usage-reporting.example.com` is already
 * traffic. `localhost` and `*.localhost` (RFC 6761 §6.3) are allowed, and the address they resolve
 * to is checked again, so a custom `lookup` cannot smuggle a real address behind a local name.
 */
import dns from 'node:dns';
import net from 'node:net';

/** One refused attempt: what was asked for, and by which API. */
export interface OutboundAttempt {
  readonly via: 'connect' | 'dns';
  readonly target: string;
  /** Where in the code it came from, for the failure message. */
  readonly stack: string;
}

const installed = Symbol.for('hrgraph.loopbackGuard');

interface GuardState {
  attempts: OutboundAttempt[];
}

type GuardedGlobal = typeof globalThis & { [installed]?: GuardState };

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIPv4(bare)) return bare.startsWith('127.') || bare === '0.0.0.0';
  if (net.isIPv6(bare)) {
    if (bare === '::1' || bare === '::') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
    return mapped ? isLoopbackAddress(mapped[1]!) : false;
  }
  return false;
}

export function isLoopbackName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

function refusal(target: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `loopback guard: refused a connection to ${target}; tests, examples and benchmarks talk to loopback only`,
  );
  error.code = 'ECONNREFUSED';
  return error;
}

function stackHere(): string {
  return (new Error().stack ?? '').split('\n').slice(3, 12).join('\n');
}

type LookupFn = (hostname: string, options: unknown, callback: LookupCallback) => void;
type LookupCallback = (
  error: Error | null,
  address: string | readonly { address: string }[],
  family?: number,
) => void;

/** Where a `Socket.prototype.connect` call is going, from any of its argument forms. */
function connectOptions(
  args: unknown[],
): { path: string } | { host: string; port: unknown; options?: { lookup?: LookupFn } } {
  // `net.connect()` hands the socket its already-normalised `[options, callback]` array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first !== null && typeof first === 'object') {
    const options = first as { path?: string; host?: string; port?: unknown; lookup?: LookupFn };
    if (typeof options.path === 'string') return { path: options.path };
    return { host: options.host ?? 'localhost', port: options.port, options };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

/** A custom `lookup` whose answers must be loopback addresses too. */
function loopbackOnlyLookup(state: GuardState, lookup: LookupFn, shown: string): LookupFn {
  return function guardedCustomLookup(hostname, options, callback) {
    lookup(hostname, options, (error, address, family) => {
      const addresses =
        typeof address === 'string' ? [address] : (address ?? []).map((a) => a.address);
      const outside = addresses.find((a) => !isLoopbackAddress(a));
      if (error || outside === undefined) return callback(error, address, family);
      const target = `${shown} (${outside})`;
      state.attempts.push({ via: 'connect', target, stack: stackHere() });
      callback(refusal(target), address, family);
    });
  };
}

function installConnectGuard(state: GuardState): void {
  const connect = net.Socket.prototype.connect as (this: net.Socket, ...args: unknown[]) => unknown;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = connectOptions(args);
    if ('path' in target) return connect.apply(this, args);
    const shown = `${target.host}:${String(target.port)}`;
    if (!isLoopbackName(target.host)) {
      state.attempts.push({ via: 'connect', target: shown, stack: stackHere() });
      // Fail the socket the way an unreachable host would, asynchronously, as callers expect.
      process.nextTick(() => this.destroy(refusal(shown)));
      return this;
    }
    // The default lookup is guarded below; a custom one could map a local name anywhere.
    if (target.options?.lookup)
      target.options.lookup = loopbackOnlyLookup(state, target.options.lookup, shown);
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;
}

function installDnsGuard(state: GuardState): void {
  const lookup = dns.lookup as (...args: unknown[]) => unknown;
  const guardedLookup = function guardedLookup(hostname: unknown, ...rest: unknown[]) {
    if (typeof hostname === 'string' && !isLoopbackName(hostname)) {
      state.attempts.push({ via: 'dns', target: hostname, stack: stackHere() });
      const callback = rest.at(-1);
      if (typeof callback === 'function') process.nextTick(() => callback(refusal(hostname)));
      return {};
    }
    return lookup(hostname, ...rest);
  };
  (dns as { lookup: unknown }).lookup = guardedLookup;

  const promisesLookup = dns.promises.lookup as (...args: unknown[]) => Promise<unknown>;
  (dns.promises as { lookup: unknown }).lookup = async function guardedPromisesLookup(
    hostname: unknown,
    ...rest: unknown[]
  ) {
    if (typeof hostname === 'string' && !isLoopbackName(hostname)) {
      state.attempts.push({ via: 'dns', target: hostname, stack: stackHere() });
      throw refusal(hostname);
    }
    return promisesLookup(hostname, ...rest);
  };

  // Queries through c-ares (`dns.resolve*`, `Resolver`) always leave the machine: none is allowed.
  const refuseResolve = (name: string) =>
    function refusedResolve(hostname: unknown, ...rest: unknown[]) {
      const target = `${name}(${String(hostname)})`;
      state.attempts.push({ via: 'dns', target, stack: stackHere() });
      const callback = rest.at(-1);
      if (typeof callback === 'function') process.nextTick(() => callback(refusal(target)));
      else return Promise.reject(refusal(target));
    };
  for (const holder of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype])
    for (const name of Object.keys(holder).concat(Object.getOwnPropertyNames(holder)))
      if (/^(resolve|reverse)/.test(name) && typeof (holder as never)[name] === 'function')
        (holder as Record<string, unknown>)[name] = refuseResolve(name);
}

/**
 * Installs the guard once per process (later calls share it) and returns the list it records
 * refused attempts into.
 */
export function installLoopbackGuard(): GuardState {
  const global = globalThis as GuardedGlobal;
  if (global[installed]) return global[installed];
  const state: GuardState = { attempts: [] };
  installConnectGuard(state);
  installDnsGuard(state);
  global[installed] = state;
  return state;
}

/** The refused attempts since the last call, and forgets them. */
export function takeOutboundAttempts(): OutboundAttempt[] {
  return installLoopbackGuard().attempts.splice(0);
}

export function describeAttempts(attempts: readonly OutboundAttempt[]): string {
  return attempts
    .map((attempt) => `${attempt.via} ${attempt.target}\n${attempt.stack}`)
    .join('\n\n');
}
