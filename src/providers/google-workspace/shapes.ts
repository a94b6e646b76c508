/**
 * The envelope each Directory API read must arrive in. A 2xx body of another shape is a provider
 * fault (UPSTREAM_BAD_RESPONSE), never "no users": reading `{}` as an empty page would lose people.
 * Google leaves out an empty list (`users`, `groups`, `organizationUnits`), so those are optional.
 */
export interface BodyShape {
  readonly describe: string;
  test(body: unknown): boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalRows = (value: unknown, key: (row: Record<string, unknown>) => boolean) =>
  value === undefined || (Array.isArray(value) && value.every((row) => isRecord(row) && key(row)));

const optionalToken = (value: unknown) => value === undefined || typeof value === 'string';

const hasId = (row: Record<string, unknown>) => typeof row.id === 'string';

export const shapes = {
  user: {
    describe: 'a user ({kind: admin#directory#user, id})',
    test: (body) => isRecord(body) && hasId(body),
  },
  users: {
    // Every list call asks for `kind` in its field mask, so a page always names it.
    describe: 'a user page ({kind: admin#directory#users, users?, nextPageToken?})',
    test: (body) =>
      isRecord(body) &&
      body.kind === 'admin#directory#users' &&
      optionalRows(body.users, hasId) &&
      optionalToken(body.nextPageToken),
  },
  orgUnits: {
    describe: 'org units ({organizationUnits?})',
    test: (body) =>
      isRecord(body) &&
      optionalRows(body.organizationUnits, (row) => typeof row.orgUnitPath === 'string'),
  },
  groups: {
    describe: 'a group page ({groups?, nextPageToken?})',
    test: (body) =>
      isRecord(body) && optionalRows(body.groups, hasId) && optionalToken(body.nextPageToken),
  },
  schemas: {
    describe: 'user schemas ({schemas?})',
    test: (body) =>
      isRecord(body) &&
      optionalRows(
        body.schemas,
        (row) => typeof row.schemaName === 'string' && Array.isArray(row.fields ?? []),
      ),
  },
  customer: {
    describe: 'a customer ({id})',
    test: (body) => isRecord(body) && typeof body.id === 'string',
  },
} satisfies Record<string, BodyShape>;

export { isRecord };
