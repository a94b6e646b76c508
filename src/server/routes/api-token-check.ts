/**
 * Who may ask: a request to a token route carries `Authorization: Bearer hrg_…`, and reads only
 * the accounts its token is scoped to. A request without a valid token is answered 401 before
 * any parsing or provider call. Unknown, malformed and revoked tokens get the same answer, so
 * probing learns nothing; the token itself never reaches a log or an error.
 */
import { Response } from '@whatwg-node/server';
import type { AccountId } from '../../core/ids.js';
import type { Authenticate } from './route-table.js';

export interface ApiTokenOptions {
  /** The accounts a bearer token may read, or null when it is not a valid token. */
  verify(token: string): Promise<readonly AccountId[] | null>;
}

function unauthenticated(message: string): Response {
  return new Response(
    JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }),
    {
      status: 401,
      headers: {
        'content-type': 'application/graphql-response+json; charset=utf-8',
        'www-authenticate': 'Bearer realm="hrgraph"',
        'cache-control': 'no-store',
      },
    },
  );
}

export function apiTokenCheck(options: ApiTokenOptions): Authenticate {
  const { verify } = options;
  return async function checkApiToken(request) {
    const header = request.headers.get('authorization') ?? '';
    const [scheme, token] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      return {
        refusal: unauthenticated('An API token is required: send Authorization: Bearer <token>.'),
      };
    }
    const accounts = await verify(token);
    if (!accounts) return { refusal: unauthenticated('The API token is not valid.') };
    return { scope: new Set(accounts) };
  };
}
