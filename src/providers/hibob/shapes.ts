/**
 * The envelope each HiBob read must arrive in. A body that parses but has the wrong shape is a
 * provider fault, reported as UPSTREAM_BAD_RESPONSE, never read as "no records". Only envelopes
 * and the keys lookups join on are checked here: whether each employee carries a valid id is the
 * loaders' check, made once for every provider.
 */
export interface BodyShape {
  /** What was expected, for the error message: "a list of employees". */
  readonly describe: string;
  test(body: unknown): boolean;
}

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const rowsOf = (value: unknown) => Array.isArray(value) && value.every(isRecord);

export const shapes = {
  /** `POST /people/search`: `{employees: [...]}`. */
  employees: {
    describe: 'an employee list ({employees: [...]})',
    test: (body) => isRecord(body) && rowsOf(body.employees),
  },
  /** The bulk tables: `{results: [{employeeId, values: [...]}], response_metadata: {cursor}}`. */
  bulk: {
    describe: 'a bulk table page ({results, response_metadata})',
    test: (body) =>
      isRecord(body) &&
      rowsOf(body.results) &&
      (body.results as Json[]).every((row) => Array.isArray(row.values)) &&
      (body.response_metadata === undefined || isRecord(body.response_metadata)),
  },
  /** `GET /company/named-lists`: lists, each with a name and items. */
  namedLists: {
    describe: 'named lists ([{name, items}])',
    test: (body) =>
      rowsOf(body) &&
      (body as Json[]).every((list) => typeof list.name === 'string' && rowsOf(list.items)),
  },
  /** `GET /company/people/fields`: field definitions, each with its id. */
  fields: {
    describe: 'field definitions ([{id, ...}])',
    test: (body) => rowsOf(body) && (body as Json[]).every((f) => typeof f.id === 'string'),
  },
  /** `GET /timeoff/whosout`: `{outs: [...]}`. */
  outs: {
    describe: "who's out ({outs: [...]})",
    test: (body) => isRecord(body) && rowsOf(body.outs),
  },
} satisfies Record<string, BodyShape>;
