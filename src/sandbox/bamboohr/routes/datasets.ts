/**
 * Datasets (reference §2.9): list (v1 deprecated, v1.2), fields (v1 deprecated, v1.2), data (v1
 * deprecated, v2). The v1.2 and v2 endpoints echo or make an `X-Request-ID` and answer errors in
 * RFC 7807 form — `application/problem+json` for v1.2, `application/json` for v2, as the spec
 * declares each; the v1 ones answer errors as plain text.
 */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SandboxEnv } from '../env.js';
import { type ProblemDetails, problem, recordFields, withRequestId } from '../respond.js';
import { DATASETS, type Dataset, findDataset } from './datasets/catalog.js';
import { queryDataV1 } from './datasets/data-v1.js';
import { queryDataV2 } from './datasets/data-v2.js';
import { paginateV1 } from './reports/pagination.js';

type Ctx = Context<SandboxEnv>;

function datasetOf(c: Ctx): Dataset | undefined {
  return findDataset(c.req.param('name') ?? '', c.var.fields, c.var.cache);
}

function notFound(name: string): ProblemDetails {
  return {
    title: 'Dataset Not Found',
    detail: `Dataset '${name}' was not found`,
    code: 'DATASET_NOT_FOUND',
  };
}

/** v2 declares its problem bodies as `application/json`. */
function jsonProblem(c: Ctx, status: ContentfulStatusCode, details: ProblemDetails): Response {
  return problem(c, status, details, 'application/json');
}

async function jsonBody(c: Ctx): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false };
  }
}

function fieldsPage(c: Ctx, dataset: Dataset, version: 'v1' | 'v1_2') {
  const url = `${c.var.baseUrl}/${version}/datasets/${dataset.name}/fields`;
  const page = paginateV1(dataset.fields, c.req.query('page'), c.req.query('page_size'), url);
  return {
    pagination: page.pagination,
    name: dataset.name,
    label: dataset.label,
    fields: page.items.map(({ def: _def, ...field }) => field),
  };
}

export function registerDatasetsRoutes(api: Hono<SandboxEnv>): void {
  api.get('/v1_2/datasets', function listDatasets(c) {
    withRequestId(c);
    return c.json({ datasets: DATASETS });
  });

  api.get('/v1/datasets', function listDatasetsV1(c) {
    c.header('Deprecation', 'true');
    c.header('Link', `<${c.var.baseUrl}/v1_2/datasets>; rel="successor-version"`);
    return c.json({ datasets: DATASETS });
  });

  api.get('/v1_2/datasets/:name/fields', function getDatasetFields(c) {
    withRequestId(c);
    const dataset = datasetOf(c);
    if (!dataset) return problem(c, 422, notFound(c.req.param('name')));
    return c.json(fieldsPage(c, dataset, 'v1_2'));
  });

  api.get('/v1/datasets/:name/fields', function getDatasetFieldsV1(c) {
    const dataset = datasetOf(c);
    if (!dataset) return c.text('Invalid dataset name', 400);
    return c.json(fieldsPage(c, dataset, 'v1'));
  });

  api.post('/v1/datasets/:name', async function getDataV1(c) {
    const dataset = datasetOf(c);
    if (!dataset) return c.text('Invalid dataset name', 400);
    const body = await jsonBody(c);
    if (!body.ok) return c.text('Invalid JSON body', 400);
    const value = body.value as { fields?: unknown };
    if (Array.isArray(value?.fields)) recordFields(c, value.fields.map(String));
    const result = queryDataV1(dataset, body.value, {
      page: c.req.query('page'),
      pageSize: c.req.query('page_size'),
      url: `${c.var.baseUrl}/v1/datasets/${dataset.name}`,
      today: c.var.company.data.today,
    });
    return result.ok ? c.json(result.body) : c.text(result.message, 400);
  });

  api.post('/v2/datasets/:name/data', async function getDataV2(c) {
    withRequestId(c);
    const dataset = datasetOf(c);
    if (!dataset) return jsonProblem(c, 404, notFound(c.req.param('name')));
    const body = await jsonBody(c);
    if (!body.ok) {
      return jsonProblem(c, 400, {
        title: 'Bad Request',
        detail: 'The body is not valid JSON',
        code: 'INVALID_REQUEST_BODY',
      });
    }
    const value = body.value as { fields?: unknown };
    if (Array.isArray(value?.fields)) recordFields(c, value.fields.map(String));
    const url = `${c.var.baseUrl}/v2/datasets/${dataset.name}/data`;
    const result = queryDataV2(
      dataset,
      body.value,
      (page, size) => `${url}?page=${page}&pageSize=${size}`,
    );
    return result.ok ? c.json(result.body) : jsonProblem(c, result.status, result.problem);
  });
}
