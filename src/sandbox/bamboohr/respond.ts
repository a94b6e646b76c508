/**
 * Response helpers shared by every route module: BambooHR's legacy endpoints negotiate XML/JSON
 * and report errors in a header, the newer ones use JSON error bodies or RFC 7807.
 */
import { randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { Context, Env } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { SandboxEnv } from './env.js';

// Generic over the env: route modules pass `Context<SandboxEnv>`, the core its own superset.

/** The header BambooHR puts error text in (reference §6.2; the help centre's triple-s typo too). */
export const ERROR_HEADER = 'X-BambooHR-Error-Message';
const ERROR_HEADER_TYPO = 'X-BambooHR-Error-Messsage';

/** Legacy negotiation: XML unless the client asks for JSON by `Accept` or `?format=json`. */
export function wantsJson<E extends Env>(c: Context<E>): boolean {
  const format = c.req.query('format');
  if (format !== undefined) return format.toLowerCase() === 'json';
  return (c.req.header('accept') ?? '').toLowerCase().includes('application/json');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: false,
  // Otherwise `deprecated="true"` is written as a bare attribute, which is not XML.
  suppressBooleanAttributes: false,
  format: false,
});

/**
 * Serialises `{ root: {...} }` to an XML document. Attributes are keys `@_name`, element text is
 * `#text`, arrays repeat the element.
 */
export function toXml(doc: Record<string, unknown>): string {
  return `<?xml version="1.0"?>\n${builder.build(doc) as string}`;
}

/** Answers JSON or XML per {@link wantsJson}; `xml` is only built when XML is wanted. */
export function negotiate<E extends Env>(
  c: Context<E>,
  json: unknown,
  xml: () => Record<string, unknown>,
  status: ContentfulStatusCode = 200,
): Response {
  if (wantsJson(c)) return c.json(json as object, status);
  // The spec declares `application/xml` for every legacy XML answer.
  return c.body(toXml(xml()), status, { 'Content-Type': 'application/xml; charset=utf-8' });
}

/** The classic error: empty body, the message in a header. */
export function legacyError<E extends Env>(
  c: Context<E>,
  status: StatusCode,
  message: string,
): Response {
  c.header(ERROR_HEADER, message);
  c.header(ERROR_HEADER_TYPO, message);
  return c.body(null, status);
}

/** `{"error":{"code","message"}}`, as List Employees answers (Employee-StringCodeErrorResponse-V1). */
export function jsonError<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  code: string | number,
  message: string,
): Response {
  return c.json({ error: { code, message } }, status);
}

export interface ProblemDetails {
  title: string;
  detail?: string;
  /** Machine code, e.g. `DATASET_NOT_FOUND`. */
  code?: string;
  type?: string;
  fields?: unknown;
}

/**
 * RFC 7807 body, as the datasets v1.2/v2 and locations endpoints answer. `mediaType` is
 * `application/problem+json` unless the spec declares plain JSON (datasets v2's 403).
 */
export function problem<E extends Env>(
  c: Context<E>,
  status: ContentfulStatusCode,
  details: ProblemDetails,
  mediaType = 'application/problem+json',
): Response {
  const body = {
    type: details.type ?? 'about:blank',
    title: details.title,
    status,
    detail: details.detail ?? details.title,
    instance: new URL(c.req.url).pathname,
    ...(details.code === undefined ? {} : { code: details.code }),
    ...(details.fields === undefined ? {} : { fields: details.fields }),
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': mediaType });
}

/** Echoes the client's `X-Request-ID` or makes one, and sets it on the response. */
export function withRequestId<E extends Env>(c: Context<E>): string {
  const id = c.req.header('x-request-id') || randomUUID();
  c.header('X-Request-ID', id);
  return id;
}

/** Records the field names this request asked for, for the request log. */
export function recordFields<E extends SandboxEnv>(c: Context<E>, names: readonly string[]): void {
  c.set('fieldsAsked', [...names]);
}
