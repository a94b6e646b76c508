/**
 * The synthetic company as one Okta org: users projected per request (never all held at once),
 * lookups by id or login, the custom attributes, and the group catalog (built on first use).
 */
import type { Person, SyntheticCompany } from '../company/types.js';
import { type CustomAttribute, customAttributes } from './custom-attributes.js';
import { createGroupCatalog, type GroupCatalog } from './groups.js';
import { oktaUserId, orgObjectId, personIdFromOktaUserId } from './ids.js';
import { type Profile, userProfile } from './user-profile.js';
import { type Lifecycle, lifecycle, type OktaUserStatus, oktaTime } from './user-status.js';

/** A user as the API returns it (spec `User`). */
export interface OktaUser {
  id: string;
  status: OktaUserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: Profile;
  /** Absent when the caller asks for `okta-response=omitCredentials`. */
  credentials?: { password?: Record<string, never>; provider: { type: 'OKTA'; name: 'OKTA' } };
  _links: Record<string, { href: string; method?: string }>;
}

export interface Directory {
  readonly company: SyntheticCompany;
  readonly customAttributes: readonly CustomAttribute[];
  /** The default user type's id (`oty…`) and its schema's id (`osc…`). */
  readonly userTypeId: string;
  readonly userSchemaId: string;
  readonly groups: GroupCatalog;
  lifecycle(person: Person): Lifecycle;
  profile(person: Person): Profile;
  /** The whole user; `origin` makes `_links` absolute on the caller's own origin. */
  user(person: Person, origin: string): OktaUser;
  /** By Okta id or login (case-insensitive, as Okta logins are). */
  find(idOrLogin: string): Person | undefined;
}

export function createDirectory(company: SyntheticCompany, customCount: number): Directory {
  const attributes = customAttributes(company, customCount);
  const userTypeId = orgObjectId('oty', company.domain);
  let logins: Map<string, number> | null = null;
  let groups: GroupCatalog | null = null;

  function loginIndex(): Map<string, number> {
    if (!logins) {
      logins = new Map();
      for (const person of company.people) logins.set(person.workEmail.toLowerCase(), person.id);
    }
    return logins;
  }

  const directory: Directory = {
    company,
    customAttributes: attributes,
    userTypeId,
    userSchemaId: orgObjectId('osc', company.domain),
    get groups() {
      groups ??= createGroupCatalog(directory);
      return groups;
    },
    lifecycle: (person) => lifecycle(company, person),
    profile: (person) => userProfile(company, person, attributes),
    user(person, origin) {
      const times = lifecycle(company, person);
      const id = oktaUserId(person.id);
      const self = `${origin}/api/v1/users/${id}`;
      const staged = times.status === 'STAGED';
      return {
        id,
        status: times.status,
        created: oktaTime(times.created),
        activated: times.activated === null ? null : oktaTime(times.activated),
        statusChanged: times.statusChanged === null ? null : oktaTime(times.statusChanged),
        lastLogin: times.lastLogin === null ? null : oktaTime(times.lastLogin),
        lastUpdated: oktaTime(times.lastUpdated),
        passwordChanged: times.passwordChanged === null ? null : oktaTime(times.passwordChanged),
        type: { id: userTypeId },
        profile: userProfile(company, person, attributes),
        credentials: staged
          ? { provider: { type: 'OKTA', name: 'OKTA' } }
          : { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
        _links: {
          self: { href: self },
          schema: { href: `${origin}/api/v1/meta/schemas/user/${directory.userSchemaId}` },
          type: { href: `${origin}/api/v1/meta/types/user/${userTypeId}` },
        },
      };
    },
    find(idOrLogin) {
      const personId =
        personIdFromOktaUserId(idOrLogin) ?? loginIndex().get(idOrLogin.toLowerCase());
      return personId === undefined ? undefined : company.person(personId);
    },
  };
  return directory;
}
