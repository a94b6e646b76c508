/**
 * Output formats of the report endpoints (spec request-custom-report, get-company-report):
 * `?format=` (case-insensitive) wins; without it the Accept header must be exactly one of five
 * media types, and anything else — `application/xml` and `*∕*` included — is a 404.
 */
import { toXml } from '../../respond.js';
import { reportPdf } from './pdf.js';
import type { Report } from './run.js';

export type ReportFormat = 'json' | 'xml' | 'csv' | 'xls' | 'pdf';

const BY_ACCEPT: Readonly<Record<string, ReportFormat>> = {
  'application/json': 'json',
  'text/xml': 'xml',
  'text/csv': 'csv',
  'application/pdf': 'pdf',
  'application/vnd.ms-excel': 'xls',
};

const CONTENT_TYPE: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json',
  xml: 'text/xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xls: 'application/vnd.ms-excel',
  pdf: 'application/pdf',
};

/** The format asked for, or undefined when the request deserves a 404. */
export function reportFormat(
  formatParam: string | undefined,
  accept: string | undefined,
): ReportFormat | undefined {
  if (formatParam !== undefined) {
    const format = formatParam.toLowerCase();
    return format in CONTENT_TYPE ? (format as ReportFormat) : undefined;
  }
  return accept === undefined ? undefined : BY_ACCEPT[accept];
}

function reportXml(report: Report): string {
  return toXml({
    report: {
      title: report.title,
      fields: {
        field: report.fields.map((f) => ({ '@_id': f.id, '@_type': f.type, '#text': f.name })),
      },
      employees: {
        employee: report.employees.map(({ id, ...values }) => ({
          '@_id': id,
          field: Object.entries(values).map(([fieldId, value]) => ({
            '@_id': fieldId,
            '#text': value ?? '',
          })),
        })),
      },
    },
  });
}

/** Every row as text cells, a header of display names first. */
export function reportCells(report: Report): string[][] {
  const header = report.fields.map((f) => f.name);
  const rows = report.employees.map((e) => report.fields.map((f) => e[f.id] ?? ''));
  return [header, ...rows];
}

function csvCell(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function escapeXml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** SpreadsheetML 2003: an XML workbook Excel opens as .xls, needing no binary writer. */
function reportXls(report: Report): string {
  const rows = reportCells(report)
    .map(
      (row) =>
        `<Row>${row.map((v) => `<Cell><Data ss:Type="String">${escapeXml(v)}</Data></Cell>`).join('')}</Row>`,
    )
    .join('');
  return `<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="${escapeXml(report.title || 'Report')}"><Table>${rows}</Table></Worksheet></Workbook>`;
}

export function renderReport(
  report: Report,
  format: ReportFormat,
): { body: string | Uint8Array<ArrayBuffer>; contentType: string } {
  const contentType = CONTENT_TYPE[format];
  switch (format) {
    case 'json':
      return { body: JSON.stringify(report), contentType };
    case 'xml':
      return { body: reportXml(report), contentType };
    case 'csv':
      return {
        body: `${reportCells(report)
          .map((row) => row.map(csvCell).join(','))
          .join('\r\n')}\r\n`,
        contentType,
      };
    case 'xls':
      return { body: reportXls(report), contentType };
    case 'pdf':
      return { body: reportPdf(report.title, reportCells(report)), contentType };
  }
}
