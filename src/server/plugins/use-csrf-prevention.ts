/**
 * No page on another site may run GraphQL through a visitor's browser. A browser sends some
 * cross-origin requests without asking first (a CORS preflight): a GET, or a POST whose body is
 * form-encoded, multipart or text/plain, as a plain `<form>` or `<img>` can. The page never reads
 * the answer, but the query still runs: in demo mode, which asks for no token, or wherever a proxy
 * in front adds credentials, that is load and side effects on someone else's behalf.
 *
 * yoga's CSRF prevention (@graphql-yoga/plugin-csrf-prevention) refuses those requests unless
 * they carry a header no simple request can: a page setting one must pass a preflight, which the
 * CORS allow-list answers. A JSON POST, as GraphiQL and every GraphQL client send, is preflighted
 * by its content type and passes untouched. Its refusal gets hrgraph's code here: FORBIDDEN, 403.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode, hrError } from '../../core/errors.js';

export interface CsrfPreventionOptions {
  /**
   * Headers that mark a GET or a simple POST as sent by a client that could set headers: any one
   * of them will do. yoga's own, and the two Apollo Server's CSRF prevention accepts, so clients
   * set up for either work unchanged.
   * @default ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name']
   */
  readonly requestHeaders?: readonly string[];
}

export const defaultCsrfHeaders: readonly string[] = [
  'x-graphql-yoga-csrf',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

export function useCsrfPrevention(options: CsrfPreventionOptions = {}): Plugin {
  const { requestHeaders = defaultCsrfHeaders } = options;
  const yogaCsrf = useCSRFPrevention({ requestHeaders: [...requestHeaders] });
  const refusal = () =>
    hrError(
      ErrorCode.FORBIDDEN,
      `Refused: any web page could send this request (a GET, or a form-encoded, multipart or text/plain body). Send a JSON body with content-type: application/json, or set one of these headers: ${requestHeaders.join(', ')}.`,
      { http: { status: 403 } },
    );
  return {
    onRequestParse(payload) {
      try {
        return yogaCsrf.onRequestParse?.(payload);
      } catch {
        // Its only refusal; it carries no code of ours.
        throw refusal();
      }
    },
  };
}
