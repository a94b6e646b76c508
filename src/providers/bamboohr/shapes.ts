/**
 * The envelope each BambooHR read must arrive in. A body that parses but has the wrong shape
 * (`{}` for a page, a string where rows belong) is a provider fault, reported as
 * UPSTREAM_BAD_RESPONSE — never read as "no records", which would silently lose people.
 * Only envelopes are checked; values inside stay as BambooHR sent them, and whether each record
 * carries a valid id is the loaders' check, made once for every provider.
 */
export interface BodyShape {
  /** What was expected, for the error message: "a list of rows". */
  readonly describe: string;
  test(body: unknown): boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const arrayOfRecords = (value: unknown) => Array.isArray(value) && value.every(isRecord);

export const shapes = {
  record: { describe: 'an object', test: isRecord },
  rows: { describe: 'a list of objects', test: arrayOfRecords },
  employeePage: {
    describe: 'an employee page ({data: [...], meta})',
    test: (body) => isRecord(body) && arrayOfRecords(body.data) && isRecord(body.meta),
  },
  datasetPage: {
    describe: 'a dataset page ({data: [{fields}], meta})',
    test: (body) =>
      isRecord(body) &&
      Array.isArray(body.data) &&
      body.data.every((row) => isRecord(row) && isRecord(row.fields)) &&
      isRecord(body.meta),
  },
  report: {
    describe: 'a report ({employees: [...]})',
    test: (body) => isRecord(body) && arrayOfRecords(body.employees),
  },
} satisfies Record<string, BodyShape>;
