/** Decodes a response body by its media type, failing on malformed JSON or XML. */
import { XMLValidator } from 'fast-xml-parser';
import { assert } from 'vitest';
import { snippet } from './format-errors.js';

export interface DecodedBody {
  /** The media type without parameters, lower-cased; null when no Content-Type was sent. */
  readonly mediaType: string | null;
  readonly text: string;
  /** Parsed JSON for JSON media types, else the raw text. */
  readonly body: unknown;
}

export function mediaTypeOf(contentType: string | null): string | null {
  if (!contentType) return null;
  return contentType.split(';')[0]?.trim().toLowerCase() || null;
}

export function isJsonMediaType(mediaType: string | null): boolean {
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false);
}

export function isXmlMediaType(mediaType: string | null): boolean {
  return (
    mediaType === 'application/xml' ||
    mediaType === 'text/xml' ||
    (mediaType?.endsWith('+xml') ?? false)
  );
}

/** The declared media type a response's type matches: exact, then a `type/` wildcard, then any. */
export function matchMediaType(declared: readonly string[], mediaType: string): string | undefined {
  const [type] = mediaType.split('/');
  return (
    declared.find((key) => key.toLowerCase() === mediaType) ??
    declared.find((key) => key.toLowerCase() === `${type}/*`) ??
    declared.find((key) => key === '*/*')
  );
}

export function decodeBody(
  where: string,
  mediaType: string | null,
  text: string,
  xmlRoot?: string,
): DecodedBody {
  if (isJsonMediaType(mediaType) && text !== '') {
    try {
      return { mediaType, text, body: JSON.parse(text) as unknown };
    } catch (error) {
      assert.fail(
        `${where}: ${mediaType} body is not JSON (${(error as Error).message}): ${snippet(text)}`,
      );
    }
  }
  if (isXmlMediaType(mediaType)) checkXml(where, text, xmlRoot);
  return { mediaType, text, body: text };
}

function checkXml(where: string, text: string, xmlRoot: string | undefined): void {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    const { code, msg, line, col } = verdict.err;
    assert.fail(
      `${where}: XML is not well-formed (${code} at ${line}:${col}: ${msg}): ${snippet(text)}`,
    );
  }
  if (!xmlRoot) return;
  const root = rootElementName(text);
  if (root !== xmlRoot) assert.fail(`${where}: XML root is <${root}>, expected <${xmlRoot}>`);
}

/** The first element after the prolog (declaration, comments, doctype). */
export function rootElementName(xml: string): string | undefined {
  const prolog =
    /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/;
  return prolog.exec(xml)?.[1];
}
