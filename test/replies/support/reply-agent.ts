/**
 * What stands between hrgraph's http client and the network in this suite: an undici MockAgent
 * (the client's `dispatcher` option) that answers every request with a body generated for the
 * spec operation it reaches, and remembers each exchange. Nothing leaves the process.
 */
import { MockAgent } from 'undici';
import type { SpecOperation, SpecReplies } from './spec-replies.js';

export interface SentRequest {
  /** The account whose adapter sent it: each account has a host of its own (`<account>.localhost`). */
  readonly accountId: string;
  readonly operation: SpecOperation;
  readonly method: string;
  readonly url: URL;
  /** The request body, parsed when it is JSON. */
  readonly body: unknown;
}

export interface Exchange extends SentRequest {
  /** The body answered, as the client parsed it (JSON round trip). */
  readonly reply: unknown;
}

export interface GeneratedReply {
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ReplyAgent {
  readonly dispatcher: MockAgent;
  close(): Promise<void>;
}

function parseBody(body: unknown): unknown {
  const text =
    typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : null;
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * `answer` gives the reply to one request (it may record it); a request no spec operation of
 * the kit describes is answered 599 and reported through `unrouted`, so the run fails naming it.
 */
export function createReplyAgent(
  spec: SpecReplies,
  answer: (request: SentRequest) => GeneratedReply,
  unrouted: (what: string) => void,
): ReplyAgent {
  const agent = new MockAgent({ connections: 1 });
  agent.disableNetConnect();
  agent
    .get(() => true)
    .intercept({ path: () => true, method: () => true })
    .reply((options) => {
      const url = new URL(options.path, options.origin);
      const operation = spec.route(options.method, url.pathname);
      if (!operation) {
        unrouted(`${options.method} ${url.pathname}`);
        return { statusCode: 599, data: '' };
      }
      const accountId = url.hostname.split('.')[0] ?? '';
      const { body, headers = {} } = answer({
        accountId,
        operation,
        method: options.method,
        url,
        body: parseBody(options.body),
      });
      return {
        statusCode: operation.status,
        data: JSON.stringify(body),
        responseOptions: { headers: { 'content-type': 'application/json', ...headers } },
      };
    })
    .persist();
  return { dispatcher: agent, close: () => agent.close() };
}
