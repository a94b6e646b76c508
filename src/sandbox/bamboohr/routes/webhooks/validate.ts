/**
 * Validation of the body of POST and PUT /v1/webhooks (spec NewWebHook, reference §7.1): name,
 * url and format required; url must start with https://; legacy `employee_with_fields.*` and new
 * `employee.*` events never mix; update events need at least one monitor field; fields the
 * caller cannot see (here: that do not exist) are a 403 listing them as `unknownFields`.
 */

export const WEBHOOK_EVENTS = [
  'employee_with_fields.updated',
  'employee_with_fields.created',
  'employee_with_fields.deleted',
  'company-integrations.updated',
  'employee.created',
  'employee.updated',
  'employee.deleted',
  'company.updated',
  'company.deleted',
] as const;

/** The spec's default when `events` is omitted; it includes an update event. */
export const DEFAULT_WEBHOOK_EVENTS = [
  'employee_with_fields.updated',
  'employee_with_fields.deleted',
  'employee_with_fields.created',
];

export interface WebhookInput {
  name: string;
  url: string;
  format: 'json' | 'form-encoded';
  events: string[];
  monitorFields: string[] | null;
  postFields: Record<string, string>;
  includeCompanyDomain: boolean;
}

export interface WebhookProblem {
  readonly status: 400 | 403;
  readonly body: { errors: Array<Record<string, unknown>> };
}

export type WebhookValidation =
  | { readonly ok: true; readonly value: WebhookInput }
  | { readonly ok: false; readonly problem: WebhookProblem };

/** Looks a field up by alias or numeric id; undefined when it does not exist. */
export type FindField = (idOrAlias: string) => { id: number | string; name: string } | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function badRequest(issues: string[]): WebhookValidation {
  return {
    ok: false,
    problem: { status: 400, body: { errors: [{ error: 'Invalid request body', issues }] } },
  };
}

function shapeIssues(body: Record<string, unknown>): string[] {
  const issues: string[] = [];
  if (typeof body.name !== 'string' || body.name.trim() === '') issues.push('name is required');
  if (typeof body.url !== 'string' || body.url === '') issues.push('url is required');
  else if (!body.url.startsWith('https://')) issues.push('url must begin with https://');
  if (body.format === undefined) issues.push('format is required');
  else if (body.format !== 'json' && body.format !== 'form-encoded') {
    issues.push("format must be one of 'json', 'form-encoded'");
  }
  if (body.events !== undefined && !isStringArray(body.events)) {
    issues.push('events must be an array of strings');
  }
  if (body.monitorFields !== undefined && !isStringArray(body.monitorFields)) {
    issues.push('monitorFields must be an array of strings');
  }
  if (
    body.postFields !== undefined &&
    !(isRecord(body.postFields) && Object.values(body.postFields).every(isString))
  ) {
    issues.push('postFields must be an object of strings');
  }
  if (body.includeCompanyDomain !== undefined && typeof body.includeCompanyDomain !== 'boolean') {
    issues.push('includeCompanyDomain must be a boolean');
  }
  return issues;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function eventIssues(events: readonly string[], monitorFields: readonly string[] | null): string[] {
  const issues: string[] = [];
  const known: readonly string[] = WEBHOOK_EVENTS;
  for (const event of events) {
    if (!known.includes(event)) issues.push(`Unknown event: ${event}`);
  }
  const legacy = events.some((e) => e.startsWith('employee_with_fields.'));
  const modern = events.some((e) => e.startsWith('employee.'));
  if (legacy && modern) {
    issues.push('Cannot mix employee_with_fields events with employee events');
  }
  const updates =
    events.includes('employee.updated') || events.includes('employee_with_fields.updated');
  if (updates && (monitorFields === null || monitorFields.length === 0)) {
    issues.push('monitorFields must contain at least one field when listening to update events');
  }
  return issues;
}

export function validateWebhookBody(body: unknown, findField: FindField): WebhookValidation {
  if (!isRecord(body)) return badRequest(['The request body must be a JSON object']);
  const shape = shapeIssues(body);
  if (shape.length > 0) return badRequest(shape);
  const events = (body.events as string[] | undefined) ?? [...DEFAULT_WEBHOOK_EVENTS];
  const monitorFields = (body.monitorFields as string[] | undefined) ?? null;
  const eventProblems = eventIssues(events, monitorFields);
  if (eventProblems.length > 0) return badRequest(eventProblems);

  const postFields = (body.postFields as Record<string, string> | undefined) ?? {};
  const unknown = [...(monitorFields ?? []), ...Object.keys(postFields)].filter(
    (name) => findField(name) === undefined,
  );
  if (unknown.length > 0) {
    const unknownFields = [...new Set(unknown)].map((name) => ({ id: null, name }));
    return {
      ok: false,
      problem: {
        status: 403,
        body: { errors: [{ error: 'Permission denied to the following fields', unknownFields }] },
      },
    };
  }
  return {
    ok: true,
    value: {
      name: body.name as string,
      url: body.url as string,
      format: body.format as 'json' | 'form-encoded',
      events,
      monitorFields,
      postFields,
      includeCompanyDomain: (body.includeCompanyDomain as boolean | undefined) ?? false,
    },
  };
}
