/**
 * The tenant's groups (`GET /v1.0/groups`, 999 a page), read whole: Entra keeps a department as a
 * user's free-text `department` (and a division in `employeeOrgData`), so a department becomes a
 * Group through the group of that name, as the directory's own dynamic groups are usually made.
 * A lookup (lookups.ts): the loaders keep it in their shared cache.
 */
import type { CallContext } from '../../core/contract/index.js';
import { type AccountId, type RemoteId, remoteId } from '../../core/ids.js';
import type { Group } from '../../core/model.js';
import { unexpectedBodyError } from '../../http/errors.js';
import type { GraphClient } from './client.js';
import { skipTokenOf } from './next-link.js';
import type { GroupIndex } from './normalize.js';
import { type GraphObject, shapes } from './shapes.js';

export const GROUPS_PAGE_MAX = 999;
/** Pages read before giving up on a provider that never ends its list. */
const MAX_GROUP_PAGES = 1_000;

export interface GroupDirectory extends GroupIndex {
  readonly groups: readonly Group[];
  /** The name of a group, for department filters (`department in ('<name>')`). */
  nameOf(id: RemoteId): string | null;
}

const hasId = (row: GraphObject) => typeof row.id === 'string' && row.id.trim() !== '';
const nameOf = (row: GraphObject) =>
  typeof row.displayName === 'string' && row.displayName.trim() !== '' ? row.displayName : null;

function toGroup(accountId: AccountId, row: GraphObject): Group {
  const { '@odata.type': _type, ...raw } = row;
  return {
    accountId,
    remoteId: remoteId(String(row.id)),
    name: nameOf(row) ?? String(row.id),
    // Graph groups carry no kind: a group is a department only by the name users point at.
    type: 'GROUP',
    parent: null,
    raw,
  };
}

/**
 * When several groups share a department's name, a security group (the kind an org chart is
 * mirrored into) wins over a Microsoft 365 group; then the first listed.
 */
const rank = (row: GraphObject) => (row.securityEnabled === true ? 0 : 1);

function directoryOf(accountId: AccountId, all: readonly GraphObject[]): GroupDirectory {
  // A group without a usable id cannot be pointed at: a department would name a group nobody can fetch.
  const rows = all.filter(hasId);
  const groups = rows.map((row) => toGroup(accountId, row));
  const names = new Map<RemoteId, string>(groups.map((g) => [g.remoteId, g.name]));
  const byName = new Map<string, { id: RemoteId; rank: number }>();
  rows.forEach((row, i) => {
    const name = nameOf(row);
    if (name === null) return;
    const key = name.trim().toLowerCase();
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

/** Every group of the tenant, page after page, as a directory by id and by name. */
export async function loadGroups(client: GraphClient, ctx: CallContext): Promise<GroupDirectory> {
  const operation = 'entra.listGroups';
  const rows: GraphObject[] = [];
  let token: string | null = null;
  for (let page = 0; page < MAX_GROUP_PAGES; page++) {
    const body: GraphObject = await client.call<GraphObject>(operation, '/v1.0/groups', ctx, {
      query: {
        $select: 'id,displayName,description,securityEnabled,groupTypes',
        $top: String(GROUPS_PAGE_MAX),
        $skiptoken: token ?? undefined,
      },
      shape: shapes.groups,
    });
    rows.push(...(body.value as GraphObject[]));
    const next = skipTokenOf(body, { accountId: client.accountId, operation });
    if (next === null) break;
    // A next link that does not move on would walk the same groups until the page bound.
    if (next === token) {
      throw unexpectedBodyError(
        { accountId: client.accountId, operation },
        200,
        'a page whose next link moves on',
      );
    }
    token = next;
  }
  return directoryOf(client.accountId, rows);
}
