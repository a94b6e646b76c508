/**
 * Reads a running subgraph's SDL through `_service { sdl }`. When it cannot, it says so in one
 * line a person can act on: which subgraph, at which URL, what went wrong, and what to do (start
 * it, or point the variable at it). A stack trace naming undici's internals helps nobody who
 * simply has not started hrgraph yet.
 */
import { type DocumentNode, parse } from 'graphql';
import type { SubgraphEndpoint } from './subgraphs.js';

/** A subgraph that is down, or answers something other than its SDL. */
export class SubgraphUnavailableError extends Error {
  override readonly name = 'SubgraphUnavailableError';
  constructor(
    readonly subgraph: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadSdlOptions {
  /** How the request is sent. @default globalThis.fetch */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** How long to wait for an answer. @default 10_000 */
  timeoutMs?: number;
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
function oneLine(text: string, max = 160): string {
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

/** The subgraph's SDL, parsed: what `composeServices` takes as `typeDefs`. */
export async function readSubgraphSdl(
  subgraph: SubgraphEndpoint,
  options: ReadSdlOptions = {},
): Promise<DocumentNode> {
  const { fetch: send = globalThis.fetch, timeoutMs = 10_000 } = options;
  const { url, authorization } = splitCredentials(subgraph.url);
  const where = `${subgraph.name} subgraph at ${url}`;
  const startIt = `Start it (${subgraph.start}) or set ${subgraph.urlVariable} to where it runs.`;
  const pointAtIt = `Set ${subgraph.urlVariable} to the subgraph's GraphQL endpoint.`;
  const fail = (reason: string, todo: string) =>
    new SubgraphUnavailableError(subgraph.name, `${where}: ${reason}. ${todo}`);

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
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    // The URL it may quote is the one without credentials: those never left this function.
    throw fail(networkReason(error, timeoutMs), startIt);
  }
  let body: { data?: { _service?: { sdl?: unknown } | null } | null; errors?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    const type = response.headers.get('content-type')?.split(';')[0] || 'no content type';
    throw fail(`answered HTTP ${response.status} (${type}), not GraphQL JSON`, pointAtIt);
  }
  const sdl = body?.data?._service?.sdl;
  if (typeof sdl === 'string' && sdl.trim() !== '') {
    try {
      return parse(sdl);
    } catch (error) {
      throw fail(`answered an SDL that does not parse (${oneLine(String(error))})`, pointAtIt);
    }
  }
  const [first] = Array.isArray(body?.errors) ? body.errors : [];
  const said =
    typeof (first as { message?: unknown })?.message === 'string'
      ? `: ${oneLine((first as { message: string }).message)}`
      : '';
  throw fail(
    `answered HTTP ${response.status} without _service { sdl }${said}`,
    `Is it a federation subgraph? ${pointAtIt}`,
  );
}
