/**
 * Reads the body of POST /v1/reports/custom. The spec's rule is byte-exact: only a Content-Type
 * of exactly `application/json` is read as JSON; anything else — `application/json;
 * charset=UTF-8` included — is read as a `<report>` XML document, so a JSON body sent with a
 * charset fails as "Malformed XML" (400).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ReportRequest {
  readonly title: string;
  readonly fields: readonly string[];
  readonly lastChanged: { readonly value: string; readonly includeNull: boolean } | null;
  readonly employeeIds: readonly number[] | null;
  readonly filterDuplicates: boolean;
}

export type ReadResult =
  | { readonly ok: true; readonly request: ReportRequest }
  | { readonly ok: false; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function fromJson(text: string): ReadResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Malformed JSON' };
  }
  if (!isRecord(body)) return { ok: false, message: 'Malformed JSON' };
  const filters = isRecord(body.filters) ? body.filters : {};
  const lastChanged = isRecord(filters.lastChanged) ? filters.lastChanged : null;
  return {
    ok: true,
    request: {
      title: typeof body.title === 'string' ? body.title : '',
      fields: asArray(body.fields).map(String),
      lastChanged:
        lastChanged && typeof lastChanged.value === 'string'
          ? { value: lastChanged.value, includeNull: lastChanged.includeNull !== 'no' }
          : null,
      employeeIds: Array.isArray(filters.employeeIds) ? filters.employeeIds.map(Number) : null,
      filterDuplicates: body.filterDuplicates !== 'no',
    },
  };
}

function fromXml(text: string): ReadResult {
  if (text.trim() === '' || XMLValidator.validate(text) !== true) {
    return { ok: false, message: 'Malformed XML' };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => name === 'field' || name === 'employeeId',
  });
  const doc: unknown = parser.parse(text);
  const report = isRecord(doc) ? doc.report : undefined;
  if (!isRecord(report)) return { ok: false, message: 'Malformed XML: the root must be <report>' };
  const fields = isRecord(report.fields) ? asArray(report.fields.field) : [];
  const filters = isRecord(report.filters) ? report.filters : {};
  const lastChanged = filters.lastChanged;
  const ids = isRecord(filters.employeeIds) ? asArray(filters.employeeIds.employeeId) : null;
  return {
    ok: true,
    request: {
      title: typeof report.title === 'string' ? report.title : '',
      fields: fields.map((f) => (isRecord(f) ? String(f['@_id'] ?? '') : String(f))),
      lastChanged: readXmlLastChanged(lastChanged),
      employeeIds: ids ? ids.map(Number) : null,
      filterDuplicates: report.filterDuplicates !== 'no',
    },
  };
}

function readXmlLastChanged(node: unknown): ReportRequest['lastChanged'] {
  if (typeof node === 'string') return { value: node, includeNull: true };
  if (!isRecord(node) || typeof node['#text'] !== 'string') return null;
  return { value: node['#text'], includeNull: node['@_includeNull'] !== 'no' };
}

export function readReportRequest(contentType: string | undefined, text: string): ReadResult {
  return contentType === 'application/json' ? fromJson(text) : fromXml(text);
}
