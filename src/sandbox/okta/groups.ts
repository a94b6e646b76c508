/**
 * Okta groups of the synthetic company: `Everyone` (BUILT_IN) and one OKTA_GROUP per department,
 * division and location. Members are the people currently in it who are not DEPROVISIONED
 * (a sandbox choice: Okta keeps a deactivated user's memberships, but an HR directory's groups
 * hold current staff), ordered by user id.
 */
import type { Person } from '../company/types.js';
import type { Directory } from './directory.js';
import { type GroupKind, oktaGroupId } from './ids.js';
import { oktaTime, oktaUserStatus } from './user-status.js';

export interface GroupEntry {
  readonly id: string;
  readonly kind: GroupKind;
  readonly type: 'BUILT_IN' | 'OKTA_GROUP';
  readonly name: string;
  readonly description: string;
  readonly created: string;
  readonly lastUpdated: string;
  readonly lastMembershipUpdated: string;
  /** Person ids, ascending (so user-id order too). */
  readonly members: readonly number[];
}

/** A group as the API returns it (spec `Group`). */
export interface OktaGroup {
  id: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  objectClass: string[];
  type: 'BUILT_IN' | 'OKTA_GROUP';
  profile: { name: string; description: string };
  _embedded?: { stats: { usersCount: number } };
  _links: Record<string, unknown>;
}

export interface GroupCatalog {
  /** Every group in id order. */
  readonly all: readonly GroupEntry[];
  byId(id: string): GroupEntry | undefined;
  /** The groups a person belongs to, in id order; none once deprovisioned. */
  groupsOf(person: Person): GroupEntry[];
  view(entry: GroupEntry, origin: string, stats?: boolean): OktaGroup;
}

export function createGroupCatalog(directory: Directory): GroupCatalog {
  const { company } = directory;
  const members = new Map<string, number[]>();
  const latest = new Map<string, string>();
  const keysOf = new Map<number, string[]>();
  const orgCreated = company.people.reduce(
    (min, p) => Math.min(min, Date.parse(p.created)),
    Date.parse(`${company.today}T00:00:00Z`),
  );

  function add(id: string, person: Person, since: string): void {
    const list = members.get(id);
    if (list) list.push(person.id);
    else members.set(id, [person.id]);
    if ((latest.get(id) ?? '') < since) latest.set(id, since);
  }
  for (const person of company.people) {
    if (oktaUserStatus(company, person) === 'DEPROVISIONED') continue;
    const job = company.currentJob(person);
    const ids = [
      oktaGroupId('everyone', 0),
      oktaGroupId('department', job.departmentId),
      oktaGroupId('division', job.divisionId),
      oktaGroupId('location', job.locationId),
    ];
    for (const id of ids) add(id, person, job.effectiveDate);
    keysOf.set(person.id, ids);
  }

  const created = oktaTime(orgCreated);
  function entry(kind: GroupKind, index: number, name: string, description: string): GroupEntry {
    const id = oktaGroupId(kind, index);
    const since = latest.get(id);
    return {
      id,
      kind,
      type: kind === 'everyone' ? 'BUILT_IN' : 'OKTA_GROUP',
      name,
      description,
      created,
      lastUpdated: created,
      lastMembershipUpdated: since ? oktaTime(Date.parse(`${since}T12:00:00Z`)) : created,
      members: members.get(id) ?? [],
    };
  }
  const all = [
    entry('everyone', 0, 'Everyone', 'All users in your organization'),
    ...company.departments.map((d) => entry('department', d.id, d.name, `Department: ${d.name}`)),
    ...company.divisions.map((d) => entry('division', d.id, d.name, `Division: ${d.name}`)),
    ...company.locations.map((l) => entry('location', l.id, l.name, `Location: ${l.name}`)),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
  const byId = new Map(all.map((g) => [g.id, g]));

  return {
    all,
    byId: (id) => byId.get(id),
    groupsOf(person) {
      return (keysOf.get(person.id) ?? []).flatMap((id) => byId.get(id) ?? []);
    },
    view(group, origin, stats = false) {
      const self = `${origin}/api/v1/groups/${group.id}`;
      return {
        id: group.id,
        created: group.created,
        lastUpdated: group.lastUpdated,
        lastMembershipUpdated: group.lastMembershipUpdated,
        objectClass: ['okta:user_group'],
        type: group.type,
        profile: { name: group.name, description: group.description },
        ...(stats ? { _embedded: { stats: { usersCount: group.members.length } } } : {}),
        _links: {
          logo: [
            {
              name: 'medium',
              href: `${origin}/img/logos/groups/okta-medium.png`,
              type: 'image/png',
            },
            { name: 'large', href: `${origin}/img/logos/groups/okta-large.png`, type: 'image/png' },
          ],
          users: { href: `${self}/users` },
          apps: { href: `${self}/apps` },
        },
      };
    },
  };
}
