/**
 * Reports (reference §2.8): the ad-hoc custom report (POST /v1/reports/custom, deprecated but
 * the classic way to read up to 400 fields for everyone in one call), saved company reports
 * (GET /v1/reports/{id}, deprecated) and the paged custom-reports API (GET /v1/custom-reports,
 * GET /v1/custom-reports/{id}).
 */
import type { Context, Hono } from 'hono';
import type { SandboxEnv } from '../env.js';
import { jsonError, legacyError, recordFields } from '../respond.js';
import { type ReportFormat, renderReport, reportFormat } from './reports/format.js';
import { paginateV1 } from './reports/pagination.js';
import { readReportRequest } from './reports/request.js';
import { type Report, resolveColumns, runReport } from './reports/run.js';
import { SAVED_REPORTS, savedReport } from './reports/saved.js';

type Ctx = Context<SandboxEnv>;

/** BambooHR's per-request field ceiling (spec: "The maximum number of fields per request is 400"). */
export const MAX_REPORT_FIELDS = 400;

function formatOf(c: Ctx): ReportFormat | undefined {
  return reportFormat(c.req.query('format'), c.req.header('accept'));
}

function onlyCurrent(c: Ctx): boolean {
  const flag = c.req.query('onlyCurrent');
  return flag !== 'false' && flag !== '0';
}

function sendReport(c: Ctx, report: Report, format: ReportFormat): Response {
  const { body, contentType } = renderReport(report, format);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (format === 'csv' || format === 'xls' || format === 'pdf') {
    const name = (report.title || 'report').replace(/[^\w .-]/g, '_');
    headers['Content-Disposition'] = `attachment; filename="${name}.${format}"`;
  }
  return c.body(body, 200, headers);
}

export function registerReportsRoutes(api: Hono<SandboxEnv>): void {
  api.post('/v1/reports/custom', async function requestCustomReport(c) {
    const format = formatOf(c);
    if (!format) return legacyError(c, 404, 'Report format not found');
    const read = readReportRequest(c.req.header('content-type'), await c.req.text());
    if (!read.ok) return legacyError(c, 400, read.message);
    const { request } = read;
    recordFields(c, request.fields);
    if (request.fields.length > MAX_REPORT_FIELDS) {
      return legacyError(c, 400, `Too many fields: at most ${MAX_REPORT_FIELDS} per request`);
    }
    const result = runReport(c.var.fields, { ...request, onlyCurrent: onlyCurrent(c) });
    if (!result.ok) return legacyError(c, 400, result.message);
    return sendReport(c, result.report, format);
  });

  api.get('/v1/reports/:id', function getCompanyReport(c) {
    const format = formatOf(c);
    const saved = savedReport(c.req.param('id'));
    if (!format || !saved) return legacyError(c, 404, 'Report not found');
    recordFields(c, saved.fields);
    const result = runReport(c.var.fields, {
      title: saved.name,
      fields: saved.fields,
      onlyCurrent: onlyCurrent(c),
      ...(saved.people ? { people: saved.people } : {}),
    });
    if (!result.ok) return legacyError(c, 400, result.message);
    return sendReport(c, result.report, format);
  });

  api.get('/v1/custom-reports', function listReports(c) {
    const all = SAVED_REPORTS.map(({ id, name }) => ({ id, name }));
    const url = `${c.var.baseUrl}/v1/custom-reports`;
    const page = paginateV1(all, c.req.query('page'), c.req.query('page_size'), url);
    return c.json({ reports: page.items, pagination: page.pagination });
  });

  api.get('/v1/custom-reports/:reportId', function getReportById(c) {
    const id = c.req.param('reportId');
    const saved = savedReport(id);
    if (!saved) return jsonError(c, 404, 404, `Report not found: ${id}`);
    recordFields(c, saved.fields);
    const columns = resolveColumns(c.var.fields, saved.fields);
    const defs = columns.map((column) => column.def);
    const people = c.var.fields.company.people.filter((p) => !saved.people || saved.people(p));
    const url = `${c.var.baseUrl}/v1/custom-reports/${id}`;
    const page = paginateV1(people, c.req.query('page'), c.req.query('page_size'), url);
    // Values are read for the page only, so a 100,000-person report costs one page of work.
    const data = page.items.map(function row(person) {
      const values = c.var.fields.values(person, defs);
      return Object.fromEntries(columns.map((column, i) => [column.key, values[i] ?? null]));
    });
    return c.json({ data, aggregations: [], pagination: page.pagination });
  });
}
