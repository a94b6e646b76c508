/**
 * The envelope each Gusto read must arrive in. A body that parses but has the wrong shape (`{}`
 * where the employee array belongs) is a provider fault, reported as UPSTREAM_BAD_RESPONSE, never
 * read as "no records". Only envelopes and the keys lookups join on are checked: whether each
 * employee carries a valid uuid is the loaders' check, made once for every provider.
 */
export interface BodyShape {
  /** What was expected, for the error message: "a list of employees". */
  readonly describe: string;
  test(body: unknown): boolean;
}

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const withUuids = (value: unknown) =>
  Array.isArray(value) && value.every((row) => isRecord(row) && typeof row.uuid === 'string');

export const shapes = {
  record: { describe: 'an object', test: isRecord },
  /** `Show-Employees`: a bare array (spec) of objects, each with its jobs as an array if any. */
  employees: {
    describe: 'a list of employees',
    test: (body) =>
      Array.isArray(body) &&
      body.every((row) => isRecord(row) && (row.jobs === undefined || Array.isArray(row.jobs))),
  },
  /** Locations, departments, time-off policies: bare arrays of objects with uuids. */
  uuidRows: { describe: 'a list of objects with uuids', test: withUuids },
  /** `Token-Info`: the scopes as one string and the resource (a company, for app tokens). */
  tokenInfo: {
    describe: 'token info ({scope, resource: {type, uuid}})',
    test: (body) =>
      isRecord(body) &&
      typeof body.scope === 'string' &&
      isRecord(body.resource) &&
      typeof body.resource.type === 'string' &&
      typeof body.resource.uuid === 'string',
  },
  customFields: {
    describe: 'a custom field list ({custom_fields: [...]})',
    test: (body) =>
      isRecord(body) &&
      Array.isArray(body.custom_fields) &&
      body.custom_fields.every((row) => isRecord(row) && typeof row.name === 'string'),
  },
} satisfies Record<string, BodyShape>;

/**
 * A page of `Show-Employees` asked for with `per`: a page longer than that is not the page asked
 * for (the records past `per` belong to no offset hrgraph could name).
 */
export function employeePage(per: number): BodyShape {
  return {
    describe: `a list of at most ${per} employees`,
    test: (body) => shapes.employees.test(body) && (body as unknown[]).length <= per,
  };
}
