/**
 * Plain HTTP routes that carry their own credential (the OAuth connect flow: a signed state, an
 * admin link), and the small HTML pages they answer with. The route table (route-table.ts) offers
 * such a route every request whose path the table does not serve; the route answers the paths it
 * owns and checks its credential itself.
 */

/** Answers a request it owns, or null to let the next route have it (and finally a 404). */
export type Route = (request: Request, url: URL) => Promise<Response | null> | Response | null;

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
