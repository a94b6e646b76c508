/**
 * One GraphQL request from an example script to another service. When the service is down or
 * answers something other than GraphQL JSON, it says so in one line a person can act on: which
 * service, at which URL, what went wrong, and what to do (start it, or point the variable at it).
 * A stack trace naming undici's internals helps nobody who simply has not started hrgraph yet.
 */
import type { Endpoint } from './endpoints.js';

/** A service that is down, or answers something other than what the script needs. */
export class EndpointUnavailableError extends Error {
  override readonly name = 'EndpointUnavailableError';
  constructor(
    readonly endpoint: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PostOptions {
  /** How the request is sent. @default globalThis.fetch */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** How long to wait for an answer. @default 10_000 */
  timeoutMs?: number;
}

export interface GraphQLReply<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly { readonly message?: unknown }[];
}

/**
 * The URL split from any user name and password written into it: fetch refuses such a URL, and
 * an error message must never show them. They go in an Authorization header instead.
 */
function splitCredentials(url: string): { url: string; authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  if (!parsed.username && !parsed.password) return { url: parsed.href };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  return { url: parsed.href, authorization: `Basic ${basic}` };
}

/** Another server's words, kept to one short line. */
export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code === 'ECONNREFUSED') return 'nothing is listening there (connection refused)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'its host name does not resolve';
  const message = typeof cause?.message === 'string' ? cause.message : String(error);
  return `the request failed (${code ?? oneLine(message)})`;
}

/** The one-line error about `endpoint`; `todo` defaults to starting it or pointing at it. */
export function unavailable(endpoint: Endpoint, reason: string, todo?: string) {
  const what =
    todo ?? `Start it (${endpoint.start}) or set ${endpoint.urlVariable} to where it runs.`;
  return new EndpointUnavailableError(
    endpoint.name,
    `${endpoint.name} at ${splitCredentials(endpoint.url).url}: ${reason}. ${what}`,
  );
}

/** What to do about a service answering something else: point the variable at the right URL. */
export const pointAt = (endpoint: Endpoint) =>
  `Set ${endpoint.urlVariable} to its GraphQL endpoint.`;

export async function postGraphQL<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown> = {},
  options: PostOptions = {},
): Promise<GraphQLReply<T>> {
  const { fetch: send = globalThis.fetch, timeoutMs = 10_000 } = options;
  const { url, authorization } = splitCredentials(endpoint.url);
  let response: Response;
  let text: string;
  try {
    response = await send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    // The URL an error may quote is the one without credentials: those never left this module.
    throw unavailable(endpoint, networkReason(error, timeoutMs));
  }
  try {
    const body = JSON.parse(text) as Omit<GraphQLReply<T>, 'status'>;
    return { status: response.status, data: body?.data, errors: body?.errors };
  } catch {
    const type = response.headers.get('content-type')?.split(';')[0] || 'no content type';
    throw unavailable(
      endpoint,
      `answered HTTP ${response.status} (${type}), not GraphQL JSON`,
      pointAt(endpoint),
    );
  }
}

/** The first GraphQL error's message, as `: message`, or nothing. */
export function firstError(reply: GraphQLReply<unknown>): string {
  const message = reply.errors?.[0]?.message;
  return typeof message === 'string' ? `: ${oneLine(message)}` : '';
}
