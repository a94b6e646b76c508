/**
 * The envelopes Graph's reads arrive in. Well-formed JSON of the wrong shape (`{}` where a
 * collection belongs, a `value` that is not a list) is a provider fault, UPSTREAM_BAD_RESPONSE —
 * never read as "no users". Only envelopes are checked here; whether each user carries a valid id
 * is the loaders' check, made once for every provider.
 */
export interface BodyShape {
  /** What was expected, for the error message: "a collection of users". */
  readonly describe: string;
  test(body: unknown): boolean;
}

export type GraphObject = Record<string, unknown>;

export const isObject = (value: unknown): value is GraphObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const collection = (body: unknown) =>
  isObject(body) &&
  Array.isArray(body.value) &&
  body.value.every(isObject) &&
  // The spec types the next link `string | null`; null, like absent, ends the list.
  (body['@odata.nextLink'] === undefined ||
    body['@odata.nextLink'] === null ||
    typeof body['@odata.nextLink'] === 'string');

export const shapes = {
  user: { describe: 'a user', test: isObject },
  users: { describe: 'a collection of users ({value: [...]})', test: collection },
  groups: { describe: 'a collection of groups ({value: [...]})', test: collection },
  organization: { describe: 'a collection of organizations ({value: [...]})', test: collection },
  batch: {
    describe: 'a batch response ({responses: [{id, status}]})',
    test: (body) =>
      isObject(body) &&
      Array.isArray(body.responses) &&
      body.responses.every(
        (r) => isObject(r) && typeof r.id === 'string' && typeof r.status === 'number',
      ),
  },
  token: {
    describe: 'a token response ({access_token, expires_in})',
    test: (body) =>
      isObject(body) &&
      typeof body.access_token === 'string' &&
      body.access_token !== '' &&
      typeof body.expires_in === 'number',
  },
} satisfies Record<string, BodyShape>;
