/**
 * Where HiBob's spec (a third-party compilation of Bob's reference pages) and Bob's documented
 * behaviour disagree, the sandbox follows the documentation; each patch here names one such
 * disagreement and reads the spec's schema the documented way. The conformance tests check the
 * sandbox's replies with them, and the replies suite generates replies from them.
 */
type Schema = Record<string, unknown>;
type Patch = { readonly reason: string; schema(spec: Schema | undefined): Schema };

const copy = (spec: Schema | undefined): Schema => structuredClone(spec ?? {});

/**
 * `POST /people/search`: the record is a oneOf of the human-readable and the machine format, both
 * with every property optional, so a record narrowed by `fields` fits both, which oneOf refuses.
 * hrgraph asks for the machine format (no `humanReadable`): records are held to it alone.
 */
export const machineFormat: Patch = {
  reason:
    'spec oneOf (human-readable | machine format) cannot tell a narrowed record apart; the sandbox answers the machine format hrgraph asks for',
  schema(spec) {
    const out = copy(spec) as { properties: { employees: { items: { oneOf: Schema[] } } } };
    const { employees } = out.properties;
    (employees as { items: Schema }).items = employees.items.oneOf[1]!;
    return out;
  },
};

/**
 * The bulk tables: Bob's pagination page says the last page's `response_metadata.cursor` is null;
 * the spec types it a string only.
 */
export const nullCursorAtTheEnd: Patch = {
  reason: "pagination page: the last page's cursor is null; the spec types it a string",
  schema(spec) {
    const out = copy(spec) as { properties: Schema };
    out.properties.response_metadata = {
      type: 'object',
      properties: { cursor: { type: ['string', 'null'] } },
    };
    return out;
  },
};

/**
 * `GET /bulk/people/lifecycle`: each entry is typed a string and, at once, an object
 * (`type: string` with `anyOf: [object]`): no value is both. The per-person lifecycle spec has
 * the entries as objects, as Bob sends them; the bulk entries are held to that.
 */
export const lifecycleAsObjects: Patch = {
  reason: 'lifecycle entries are objects (the spec types them a string and an object at once)',
  schema(spec) {
    const out = nullCursorAtTheEnd.schema(spec) as {
      properties: { results: { items: { properties: { values: { items: Schema } } } } };
    };
    const values = out.properties.results.items.properties.values;
    const { type: _string, ...entry } = values.items;
    values.items = entry;
    return out;
  },
};

/**
 * `GET /timeoff/whosout`: the spec formats `employeeId` as a uuid, while every other read names an
 * employee by Bob's numeric id; the sandbox sends the numeric id, the one a client can join on.
 */
export const numericEmployeeId: Patch = {
  reason: "whosout's employeeId is Bob's numeric employee id; the spec formats it as a uuid",
  schema(spec) {
    const out = copy(spec) as { properties: { outs: { items: { properties: Schema } } } };
    out.properties.outs.items.properties.employeeId = { type: 'string', pattern: '^[0-9]+$' };
    return out;
  },
};
