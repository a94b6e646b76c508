/**
 * Plain HTTP routes beside the GraphQL endpoint (the OAuth connect flow, …), served by the same
 * yoga app through its `onRequest` hook, so one listener and one `yoga.fetch` serve them all.
 */
import type { Plugin } from 'graphql-yoga';

/** Answers a request it owns, or null to let the next route (and finally GraphQL) have it. */
export type Route = (request: Request, url: URL) => Promise<Response | null> | Response | null;

export function useRoutes(routes: readonly Route[]): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      for (const route of routes) {
        const response = await route(request, url);
        if (response) {
          endResponse(response);
          return;
        }
      }
    },
  };
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** A small self-contained page: what happened, in words, for the person in the browser. */
export function htmlPage(
  status: number,
  title: string,
  paragraphs: readonly string[],
  headers: Record<string, string> = {},
): Response {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · hrgraph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</body></html>
`;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      ...headers,
    },
  });
}
