/**
 * The envelopes each Personio reply must arrive in. A body that parses but has the wrong shape is
 * a provider fault (UPSTREAM_BAD_RESPONSE), never "no records". Only envelopes and the keys hrgraph
 * joins on are checked here; whether each employee carries a valid id is the loaders' check.
 */
export interface BodyShape {
  /** What was expected, for the error message: "a list of employees". */
  readonly describe: string;
  test(body: unknown): boolean;
}

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** v1 `{success: true, data: …}` whose data passes `data`. */
const v1 = (data: (value: unknown) => boolean) => (body: unknown) =>
  isRecord(body) && body.success === true && data(body.data);

const employeeObjects = (value: unknown) =>
  Array.isArray(value) && value.every((row) => isRecord(row) && isRecord(row.attributes));

/** A v1 page: typed objects in `data` and a count in `metadata[count]`. */
const v1Page = (count: 'total_elements' | 'total_pages') => (body: unknown) =>
  v1(employeeObjects)(body) &&
  isRecord((body as Json).metadata) &&
  isCount(((body as Json).metadata as Json)[count]);

export const shapes = {
  /** `POST /v1/auth`: `{success, data: {token}}`. */
  v1Token: {
    describe: 'a token ({success, data: {token}})',
    test: v1((data) => isRecord(data) && typeof data.token === 'string' && data.token !== ''),
  },
  /** `POST /v2/auth/token`: an OAuth token response. */
  v2Token: {
    describe: 'an OAuth token ({access_token, expires_in})',
    test: (body) =>
      isRecord(body) &&
      typeof body.access_token === 'string' &&
      body.access_token !== '' &&
      (body.expires_in === undefined ||
        (typeof body.expires_in === 'number' && body.expires_in > 0)),
  },
  /** `GET /company/employees`: the page and its totals. */
  employees: {
    describe: 'a list of employees with its totals ({data: [...], metadata: {total_elements}})',
    test: v1Page('total_elements'),
  },
  /** `GET /company/employees/{id}`. */
  employee: {
    describe: 'one employee ({data: {attributes}})',
    test: v1((data) => isRecord(data) && isRecord(data.attributes)),
  },
  /** `GET /company/employees/attributes`. */
  attributes: {
    describe: 'the attribute list ({data: [{key, label}]})',
    test: v1(
      (data) =>
        Array.isArray(data) && data.every((row) => isRecord(row) && typeof row.key === 'string'),
    ),
  },
  /** `GET /company/time-offs`: periods and their totals. */
  timeOffs: {
    describe: 'a list of time-off periods with its totals',
    test: v1Page('total_pages'),
  },
  /** `GET /company/employees/{id}/absences/balance`. */
  balances: {
    describe: 'a list of balances ({data: [{id, name, balance}]})',
    test: v1((data) => Array.isArray(data) && data.every(isRecord)),
  },
  /** v2 lists: `{_data: [...]}`. */
  v2List: {
    describe: 'a v2 list ({_data: [...]})',
    test: (body) => isRecord(body) && Array.isArray(body._data) && body._data.every(isRecord),
  },
} satisfies Record<string, BodyShape>;
