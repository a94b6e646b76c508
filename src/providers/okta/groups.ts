/**
 * The org's groups (`GET /api/v1/groups`), read whole: they are few, change rarely, and every
 * page that shows a department or division needs them to turn a profile's department name into
 * the id of the group of that name. A lookup (lookups.ts): the loaders keep it in their shared
 * cache.
 */
import type { CallContext } from '../../core/contract/index.js';
import { type AccountId, type RemoteId, remoteId } from '../../core/ids.js';
import type { Group } from '../../core/model.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { OktaClient, OktaReply } from './client.js';
import type { GroupIndex } from './normalize.js';
import { nextCursor } from './pages.js';
import { type OktaObject, shapes } from './shapes.js';

/**
 * Groups per page: the spec's maximum for listGroups, so an org of up to 10,000 groups costs one
 * call (Okta suggests 200 for latency; calls are what hrgraph counts first).
 */
export const GROUPS_PAGE_LIMIT = 10_000;
/** Pages read before giving up on a provider that never ends its list. */
const MAX_GROUP_PAGES = 1_000;

export interface GroupDirectory extends GroupIndex {
  readonly groups: readonly Group[];
  /** The name of a group, for department filters (`profile.department eq "<name>"`). */
  nameOf(id: RemoteId): string | null;
}

/**
 * When several groups share a department's name, Okta's own groups win over groups mirrored from
 * an app (AD, Workday), which win over built-in ones; then the oldest id.
 */
const typeRank: Readonly<Record<string, number>> = { OKTA_GROUP: 0, APP_GROUP: 1, BUILT_IN: 2 };

function toGroup(accountId: AccountId, group: OktaObject): Group {
  const profile = group.profile as OktaObject;
  const { _links: _omit, ...raw } = group;
  return {
    accountId,
    remoteId: remoteId(String(group.id)),
    name: typeof profile.name === 'string' ? profile.name : String(group.id),
    // Okta groups carry no kind: a group is a department only by the name users point at.
    type: 'GROUP',
    parent: null,
    raw,
  };
}

/**
 * The spec lets a group's id be any text, the empty one too; a group without a usable id cannot be
 * pointed at (a department would resolve to a group nobody can fetch), so it is left out.
 */
const hasId = (row: OktaObject) => typeof row.id === 'string' && row.id.trim() !== '';

function directoryOf(accountId: AccountId, all: readonly OktaObject[]): GroupDirectory {
  const rows = all.filter(hasId);
  const groups = rows.map((row) => toGroup(accountId, row));
  const names = new Map<RemoteId, string>(groups.map((g) => [g.remoteId, g.name]));
  const rank = (row: OktaObject) => typeRank[String(row.type)] ?? 3;
  const byName = new Map<string, { id: RemoteId; rank: number }>();
  rows.forEach((row, i) => {
    const key = groups[i]!.name.trim().toLowerCase();
    const candidate = { id: groups[i]!.remoteId, rank: rank(row) };
    const held = byName.get(key);
    if (!held || candidate.rank < held.rank) byName.set(key, candidate);
  });
  return {
    groups,
    nameOf: (id) => names.get(id) ?? null,
    groupIdByName: (name) => byName.get(name.trim().toLowerCase())?.id ?? null,
  };
}

/** Every group of the org, page after page, as a directory by id and by name. */
export async function loadGroups(client: OktaClient, ctx: CallContext): Promise<GroupDirectory> {
  const where = { accountId: client.accountId, operation: 'okta.listGroups' };
  const rows: OktaObject[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_GROUP_PAGES; page++) {
    const reply: OktaReply<OktaObject[]> | null = await client.get<OktaObject[]>(
      'okta.listGroups',
      '/api/v1/groups',
      ctx,
      {
        query: { limit: String(GROUPS_PAGE_LIMIT), after: after ?? undefined },
        shape: shapes.groups,
      },
    );
    rows.push(...(reply?.body ?? []));
    const next: string | null = reply ? nextCursor(reply, where) : null;
    // A next link back to the page just read would walk the same groups until the page bound.
    if (next !== null && next === after) {
      throw unexpectedBodyError(where, 200, 'a page whose next link moves on');
    }
    after = next;
    if (after === null) break;
  }
  return directoryOf(client.accountId, rows);
}
