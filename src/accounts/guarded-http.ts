/**
 * An account's view of the shared http client: every call first asks the account's health
 * whether it may go (no call at all for a locked-out, disabled or unauthorised account), and
 * every answer is shown to it after. Providers need no code for this: the adapter is simply
 * built over this client instead of the shared one.
 *
 * For OAuth accounts a 401 is first shown to the token manager with the token the call carried:
 * a call sent with a token a refresh has since replaced goes out once more with the current one,
 * so a provider that revokes the old token at refresh (Gusto) never costs a caller an error.
 */

import type { CallContext } from '../core/contract/index.js';
import type { HttpClient, UpstreamRequest, UpstreamResponse } from '../http/index.js';
import { type FailureWording, standardFailures } from '../providers/failures.js';
import type { AccountHealth } from './account-health.js';
import type { RefusalVerdict } from './token-manager.js';

/** The OAuth side of an account, for 401s: who judges them, and the token to send again with. */
export interface BearerRenewal {
  /** The current access token, as the account's credentials hand it out. */
  accessToken(): Promise<string>;
  rejected(sentWith: string): Promise<RefusalVerdict>;
}

function bearerOf(request: UpstreamRequest): string | null {
  return /^Bearer (.+)$/.exec(request.headers?.authorization ?? '')?.[1] ?? null;
}

export function guardHttp(
  http: HttpClient,
  health: AccountHealth,
  bearer: BearerRenewal | null = null,
  /** Where the provider puts its own words about an error. @default the body */
  failures: Pick<FailureWording, 'errorText'> = standardFailures,
): HttpClient {
  /** Sends `request`; a 401 on a superseded token is sent again, once, with the current one. */
  async function send(request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    let response = await http.request(request, ctx);
    for (let resent = false; bearer && response.status === 401; resent = true) {
      const sentWith = bearerOf(request);
      if (!sentWith || (await bearer.rejected(sentWith)) !== 'retry' || resent) break;
      const headers = { ...request.headers, authorization: `Bearer ${await bearer.accessToken()}` };
      request = { ...request, headers };
      response = await http.request(request, ctx);
    }
    return response;
  }

  return {
    async request(request, ctx) {
      const release = await health.admit();
      let response: UpstreamResponse;
      try {
        response = await send(request, ctx);
      } catch (error) {
        release();
        throw error;
      }
      health.report({ status: response.status, errorText: failures.errorText(response) }, release);
      return response;
    },
    // The shared client belongs to the runtime, which closes it once.
    close: async () => {},
  };
}
