/**
 * An account's view of the shared http client: every call first asks the account's health
 * whether it may go (no call at all for a locked-out, disabled or unauthorised account), and
 * every answer is shown to it after. Providers need no code for this: the adapter is simply
 * built over this client instead of the shared one.
 */
import type { HttpClient, UpstreamResponse } from '../http/index.js';
import type { AccountHealth } from './account-health.js';

/** The provider's own words about an error: BambooHR puts them in a header, others in the body. */
function errorText(response: UpstreamResponse): string {
  const header = response.headers['x-bamboohr-error-message'] ?? '';
  return `${header} ${response.text.slice(0, 500)}`;
}

export function guardHttp(http: HttpClient, health: AccountHealth): HttpClient {
  return {
    async request(request, ctx) {
      const release = await health.admit();
      let response: UpstreamResponse;
      try {
        response = await http.request(request, ctx);
      } catch (error) {
        release();
        throw error;
      }
      health.report({ status: response.status, errorText: errorText(response) }, release);
      return response;
    },
    // The shared client belongs to the runtime, which closes it once.
    close: async () => {},
  };
}
