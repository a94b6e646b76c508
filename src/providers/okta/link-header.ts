/**
 * The `Link` response header (RFC 8288 §3), as Okta pages with it. Okta's cursor is the `after`
 * parameter of the `rel="next"` link; clients must take it from there rather than compute it
 * (spec `components.parameters.queryAfter`). Several links may arrive in one header or in repeated
 * headers (which the http client joins with `, `); a URI may itself contain commas and
 * semicolons, so the header is read as a sequence of `<URI>; params` items, not split on commas.
 */

export interface WebLink {
  /** Resolved against the request URL (RFC 8288 §3.1: a URI-Reference). */
  readonly href: string;
  /** Relation types, lower-cased (`rel` may hold several, space-separated: §3.3). */
  readonly rels: readonly string[];
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Reads one parameter value: a token, or a quoted-string with `\` escapes (RFC 9110 §5.6.4). */
function readValue(text: string, at: number): { value: string; end: number } {
  if (text[at] !== '"') {
    let end = at;
    while (end < text.length && !/[;,\s]/.test(text[end]!)) end++;
    return { value: text.slice(at, end), end };
  }
  let value = '';
  let i = at + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < text.length) i++;
    value += text[i];
    i++;
  }
  return { value, end: Math.min(i + 1, text.length) };
}

/**
 * Every link of a `Link` header value. A malformed item is skipped rather than failing the whole
 * header: the caller decides whether a missing `next` matters.
 */
export function parseLinkHeader(header: string | undefined, base: string): WebLink[] {
  if (!header) return [];
  const links: WebLink[] = [];
  let i = 0;
  while (i < header.length) {
    const open = header.indexOf('<', i);
    if (open < 0) break;
    const close = header.indexOf('>', open + 1);
    if (close < 0) break;
    const target = header.slice(open + 1, close).trim();
    const rels: string[] = [];
    i = close + 1;
    // Parameters until the comma that ends this link-value (commas inside quotes are values).
    for (;;) {
      i = skipSpaces(header, i);
      if (i >= header.length || header[i] === ',') {
        i++;
        break;
      }
      if (header[i] !== ';') {
        i++;
        continue;
      }
      i = skipSpaces(header, i + 1);
      let nameEnd = i;
      while (nameEnd < header.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[nameEnd]!))
        nameEnd++;
      const name = header.slice(i, nameEnd).toLowerCase();
      i = skipSpaces(header, nameEnd);
      let value = '';
      if (header[i] === '=') {
        const read = readValue(header, skipSpaces(header, i + 1));
        value = read.value;
        i = read.end;
      }
      // §3.3: only the first `rel` parameter counts.
      if (name === 'rel' && rels.length === 0) {
        for (const rel of value.split(/\s+/)) if (rel) rels.push(rel.toLowerCase());
      }
    }
    try {
      links.push({ href: new URL(target, base).href, rels });
    } catch {
      // Not a URI reference: skip it.
    }
  }
  return links;
}

/** The `after` parameter of the `rel="next"` link, null when there is no next link. */
export function nextAfter(
  header: string | undefined,
  base: string,
): { readonly after: string } | null | 'malformed' {
  const next = parseLinkHeader(header, base).find((link) => link.rels.includes('next'));
  if (!next) return null;
  const after = new URL(next.href).searchParams.get('after');
  return after === null || after === '' ? 'malformed' : { after };
}
