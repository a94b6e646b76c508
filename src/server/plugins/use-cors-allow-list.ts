/**
 * CORS for an allow-list of origins. A page from a listed origin may call hrgraph: preflights and
 * responses to it carry `Access-Control-Allow-Origin` with that origin. Any other origin gets no
 * CORS header at all, so the browser withholds the response from the page. Credentials are never
 * allowed: hrgraph's tokens travel in `Authorization`, which a page sets itself, never in cookies.
 *
 * The headers come from @whatwg-node/server's useCORS, asked only about listed origins (for any
 * other it would echo the origin, or answer `null`, which a sandboxed iframe's origin matches).
 * Only its response half is used: the route table answers preflights itself, so an unknown path
 * stays a 404 for OPTIONS too.
 */
import { type CORSOptions, type ServerAdapterPlugin, useCORS } from '@whatwg-node/server';

export interface CorsAllowListOptions {
  /**
   * The origins allowed (`https://app.example.com`), checked with {@link parseOrigins}; a function
   * when they are known only once the server listens (demo mode's own port). @default []
   */
  readonly origins?: readonly string[] | (() => readonly string[]);
}

/**
 * Checks configured origins: each `scheme://host[:port]` of http or https, nothing after it.
 * Throws on anything else, `*` and `null` included: an allow-list names who is allowed.
 */
export function parseOrigins(values: readonly string[]): string[] {
  return values.map(function parseOrigin(value) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const bare = url && `${url.origin}/` === url.href && value.replace(/\/$/, '') === url.origin;
    if (!url || !/^https?:$/.test(url.protocol) || !bare) {
      throw new Error(
        `"${value}" is not an origin: give scheme, host and port only, as https://app.example.com`,
      );
    }
    return url.origin;
  });
}

export function useCorsAllowList(options: CorsAllowListOptions = {}): ServerAdapterPlugin {
  const { origins = [] } = options;
  const allowed = typeof origins === 'function' ? origins : () => origins;
  const cors = useCORS(function corsFor(request): CORSOptions {
    const origin = request.headers.get('origin');
    if (!origin || !allowed().includes(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      maxAge: 600,
    };
  });
  return {
    async onResponse(payload) {
      if (allowed().length === 0) return;
      try {
        await cors.onResponse?.(payload);
        // Whether the header is there depends on Origin: caches must key on it (useCORS says so
        // only when it echoes one of several origins).
        payload.response.headers.append('vary', 'Origin');
      } catch {
        // A response with immutable headers goes out without CORS headers: the browser then
        // withholds it, which is the safe failure; throwing here would end the process.
      }
    },
  };
}
