/**
 * Okta's kit: one org on an API token (a service app's key needs a token call the extract does
 * not list), what each request asks for (ids in the path or in `id eq` / `profile.managerId eq`
 * terms, attributes in the `fields` projection), the users each reply holds as Okta's spec
 * describes them (top-level properties and profile attributes side by side), and queries that
 * reach every read hrgraph makes of Okta.
 */
import fc from 'fast-check';
import { accountId } from '../../../src/core/ids.js';
import { BASE_PROFILE_ATTRIBUTES, TOP_LEVEL_KEYS } from '../../../src/providers/okta/fields.js';
import { createOktaAdapter } from '../../../src/providers/okta/index.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import { openApiReplies } from '../support/spec-replies.js';
import { oktaQueries } from './okta-queries.js';

type User = Record<string, unknown>;
const isObject = (value: unknown): value is User =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys a `fields` projection names: `id,status,profile:(title,department)`. */
function projected(url: URL): string[] {
  const fields = url.searchParams.get('fields');
  if (fields === null) return [];
  const profile = /profile:\(([^)]*)\)/.exec(fields)?.[1] ?? '';
  const top = fields.replace(/,?profile:\([^)]*\)/, '');
  return [...top.split(','), ...profile.split(',')].filter((key) => key !== '');
}

/**
 * One user as the spec has it: its top-level properties and its profile's attributes by name. A
 * key the projection asked for and the user left out is held as null (Okta leaves unset
 * attributes out); a user read whole (getUser) holds every attribute it has.
 */
function userRecord(user: User, asked: readonly string[]): HeldRecord {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(user))
    if (TOP_LEVEL_KEYS.has(key)) values.set(key, value);
  const profile = isObject(user.profile) ? user.profile : {};
  for (const [key, value] of Object.entries(profile)) {
    if (!TOP_LEVEL_KEYS.has(key)) values.set(key, value);
  }
  for (const key of asked) if (!values.has(key)) values.set(key, null);
  return { id: String(user.id), values };
}

/** A user read whole (getUser, no projection): every attribute hrgraph knows is in it or unset. */
const whole = [...TOP_LEVEL_KEYS, ...BASE_PROFILE_ATTRIBUTES, 'customShirtSize'];

function records(exchange: Exchange): HeldRecord[] {
  const { reply, url } = exchange;
  switch (exchange.operation.key) {
    case 'GET /api/v1/users/{id}':
      return isObject(reply) && typeof reply.id === 'string' ? [userRecord(reply, whole)] : [];
    case 'GET /api/v1/users':
      return (Array.isArray(reply) ? reply : [])
        .filter((user): user is User => isObject(user) && typeof user.id === 'string')
        .map((user) => userRecord(user, projected(url)));
    default:
      return [];
  }
}

/** Quoted values of `id eq "…"` and `profile.managerId eq "…"` terms in a filter or search. */
function termIds(expression: string | null): string[] {
  if (expression === null) return [];
  return [
    ...expression.matchAll(/(?:^|[\s(])(?:id|profile\.managerId) eq "((?:[^"\\]|\\.)*)"/g),
  ].map((m) => JSON.parse(`"${m[1]!}"`) as string);
}

function asked(request: SentRequest) {
  const { url } = request;
  const byPath = /^\/api\/v1\/users\/([^/]+)$/.exec(url.pathname)?.[1];
  const ids = [
    ...(byPath ? [decodeURIComponent(byPath)] : []),
    ...termIds(url.searchParams.get('filter')),
    ...termIds(url.searchParams.get('search')),
  ];
  return { ids: [...new Set(ids)], keys: projected(url) };
}

const ids = ['00u1', '00u2', '00u3'];
const places = ['Sales', 'Engineering'];

export const oktaKit: ReplyKit = {
  provider: 'okta',
  spec: () => openApiReplies('okta'),
  adapters: (http) => [
    createOktaAdapter({
      accountId: accountId('okta'),
      company: 'acme.okta.com',
      baseUrl: 'http://okta.localhost',
      credentials: { kind: 'apiKey', apiKey: 'replies-token' },
      http,
    }),
  ],
  asked,
  idNames: ['id', 'managerId'],
  // The spec makes a user's id and profile optional; without them a case ends at its first check.
  usuallyPresent: ['id', 'profile'],
  // Okta pages with `Link: <…?after=…>; rel="next"`, which the spec does not declare: without
  // one no walk would reach its second page. Cursors repeat, so a walk meets one that stalls.
  headers: (operation): Readonly<Record<string, fc.Arbitrary<string>>> =>
    operation === 'GET /api/v1/users'
      ? {
          link: fc
            .constantFrom('c1', 'c2', 'c3')
            .map(
              (after) =>
                `<http://okta.localhost/api/v1/users?after=${after}&limit=200>; rel="next"`,
            ),
        }
      : {},
  favoured: {
    id: ids,
    managerId: ids,
    name: places,
    department: places,
    division: places,
    type: ['OKTA_GROUP', 'APP_GROUP', 'BUILT_IN'],
    userType: ['Employee', 'contractor', 'Intern'],
    email: ['ann@example.com'],
    secondEmail: ['ann.home@example.com'],
    title: ['Engineer'],
    customShirtSize: ['M'],
  },
  records,
  queries: oktaQueries,
};
