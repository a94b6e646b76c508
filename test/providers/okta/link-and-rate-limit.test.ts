/**
 * Okta's paging and throttling headers (reference §6): the cursor is the `after` of the
 * `Link: <…>; rel="next"` link (RFC 8288 §3), and a spent bucket resets at `X-Rate-Limit-Reset`
 * (UTC epoch seconds).
 */
import { describe, expect, it } from 'vitest';
import { nextAfter, parseLinkHeader } from '../../../src/providers/okta/link-header.js';
import { oktaRetryAfter } from '../../../src/providers/okta/rate-limit.js';

const base = 'https://acme.okta.com/api/v1/users?limit=200';

describe('RFC 8288 §3: Link header', () => {
  it("Okta's self and next links, repeated headers joined by the http client", () => {
    const header =
      '<https://acme.okta.com/api/v1/users?limit=200>; rel="self", ' +
      '<https://acme.okta.com/api/v1/users?after=00ub0oNGTSWTBKOLGLNR&limit=200>; rel="next"';
    expect(parseLinkHeader(header, base)).toEqual([
      { href: 'https://acme.okta.com/api/v1/users?limit=200', rels: ['self'] },
      {
        href: 'https://acme.okta.com/api/v1/users?after=00ub0oNGTSWTBKOLGLNR&limit=200',
        rels: ['next'],
      },
    ]);
    expect(nextAfter(header, base)).toEqual({ after: '00ub0oNGTSWTBKOLGLNR' });
  });

  it('commas and semicolons inside the URI, several relation types, case, token values', () => {
    const header =
      '<https://acme.okta.com/api/v1/users?search=a%20eq%20%22x,y;z%22&after=s5>; REL="prev NEXT"; title="a, b", ' +
      '</api/v1/users?after=other>; rel=last';
    const links = parseLinkHeader(header, base);
    expect(links.map((l) => l.rels)).toEqual([['prev', 'next'], ['last']]);
    expect(links[1]!.href).toBe('https://acme.okta.com/api/v1/users?after=other');
    expect(nextAfter(header, base)).toEqual({ after: 's5' });
  });

  it('only the first rel parameter counts (§3.3)', () => {
    expect(parseLinkHeader('<https://x/a?after=1>; rel="self"; rel="next"', base)[0]!.rels).toEqual(
      ['self'],
    );
  });

  it('no next link is the end; a next link without after is malformed', () => {
    expect(nextAfter('<https://acme.okta.com/api/v1/users>; rel="self"', base)).toBeNull();
    expect(nextAfter(undefined, base)).toBeNull();
    expect(nextAfter('<https://acme.okta.com/api/v1/users?limit=200>; rel="next"', base)).toBe(
      'malformed',
    );
  });
});

describe('X-Rate-Limit-Reset', () => {
  const date = 'Sun, 15 Jun 2026 09:00:00 GMT';
  const at = Date.parse(date);
  const spent = {
    'x-rate-limit-limit': '600',
    'x-rate-limit-remaining': '0',
    'x-rate-limit-reset': String(at / 1000 + 42),
    date,
  };

  it('a spent bucket waits until the reset, measured from the response Date', () => {
    // The local clock is 10 s fast: the Date header keeps the wait right.
    expect(oktaRetryAfter(spent, at + 10_000)).toBe(42);
  });

  it('without a Date header, from the local clock', () => {
    const { date: _omit, ...headers } = spent;
    expect(oktaRetryAfter(headers, at + 2_000)).toBe(40);
  });

  it('a reset already past waits 0', () => {
    expect(oktaRetryAfter({ ...spent, 'x-rate-limit-reset': String(at / 1000 - 5) }, at)).toBe(0);
  });

  it('says nothing when Retry-After is present, the bucket is not spent, or the reset is unreadable', () => {
    expect(oktaRetryAfter({ ...spent, 'retry-after': '3' }, at)).toBeNull();
    expect(oktaRetryAfter({ ...spent, 'x-rate-limit-remaining': '17' }, at)).toBeNull();
    expect(oktaRetryAfter({ ...spent, 'x-rate-limit-reset': 'soon' }, at)).toBeNull();
    expect(oktaRetryAfter({}, at)).toBeNull();
  });
});
