/**
 * The envelopes Okta's reads arrive in. Well-formed JSON of the wrong shape (`{}` where a list of
 * users belongs, a profile that is not an object) is a provider fault, UPSTREAM_BAD_RESPONSE —
 * never read as "no users", which would silently lose people. Only envelopes are checked; values
 * stay as sent, and whether each user carries a valid id is the loaders' check, made once for
 * every provider.
 */
export interface BodyShape {
  /** What was expected, for the error message: "a list of users". */
  readonly describe: string;
  test(body: unknown): boolean;
}

export type OktaObject = Record<string, unknown>;

export const isObject = (value: unknown): value is OktaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A user: an object, with a profile object when the projection kept one. */
const isUser = (value: unknown) =>
  isObject(value) && (value.profile === undefined || isObject(value.profile));

const isGroup = (value: unknown) =>
  isObject(value) && typeof value.id === 'string' && isObject(value.profile);

export const shapes = {
  user: { describe: 'a user ({id, profile})', test: isUser },
  users: {
    describe: 'a list of users',
    test: (body) => Array.isArray(body) && body.every(isUser),
  },
  groups: {
    describe: 'a list of groups',
    test: (body) => Array.isArray(body) && body.every(isGroup),
  },
  userSchema: {
    describe: 'a user schema ({definitions: {base, custom}})',
    test: (body) => isObject(body) && isObject(body.definitions),
  },
  org: { describe: 'an org ({id})', test: (body) => isObject(body) && typeof body.id === 'string' },
  token: {
    describe: 'a token response ({access_token, expires_in})',
    test: (body) =>
      isObject(body) &&
      typeof body.access_token === 'string' &&
      body.access_token !== '' &&
      typeof body.expires_in === 'number',
  },
} satisfies Record<string, BodyShape>;
