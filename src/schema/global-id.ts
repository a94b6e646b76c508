/**
 * Global object identification. A global ID names the type, the connected account and the
 * provider's own id, so any object can be refetched with `node(id:)` or `_entities` without a
 * lookup table, and the same record always gets the same ID (across restarts and replicas: there
 * is no secret in it).
 *
 * Wire form: base64url(`<Type>:<key>`) followed by a 6-character checksum. The checksum is not a
 * security boundary (the account scope is: a foreign ID resolves to null); it turns an edited or
 * truncated ID into a clear BAD_USER_INPUT instead of a lookup of some other record.
 */
import { hash } from 'node:crypto';
import { badInput } from '../core/errors.js';
import { type AccountId, isAccountId, type RemoteId } from '../core/ids.js';

export const nodeTypenames = [
  'Employee',
  'Company',
  'Group',
  'Location',
  'Employment',
  'Compensation',
  'EmploymentStatusChange',
  'TimeOff',
] as const;
export type NodeTypename = (typeof nodeTypenames)[number];

/** What a global ID carries besides its type. */
export interface NodeIdentity {
  readonly accountId: AccountId;
  readonly remoteId: RemoteId;
  /** The employee a history row belongs to: rows are reachable only through their employee. */
  readonly owner?: RemoteId;
  /** A date the row is found by (a time-off request's start date). */
  readonly hint?: string;
}

export interface DecodedGlobalId extends NodeIdentity {
  readonly typename: NodeTypename;
}

const checksumLength = 6;
/** Longer input is rejected before any decoding work. */
const maxGlobalIdLength = 1024;

function checksum(body: string): string {
  // The one-shot digest: the same bytes as createHash().update().digest(), without a Hash object
  // per ID (every object a page answers with an `id` costs one).
  return hash('sha256', `hrgraph-id:${body}`, 'base64url').slice(0, checksumLength);
}

/** The per-type part of a global ID, as the relay plugin's node `id.resolve` returns it. */
export function nodeKey(identity: NodeIdentity): string {
  const parts: string[] = [identity.accountId, identity.remoteId];
  if (identity.owner !== undefined || identity.hint !== undefined) parts.push(identity.owner ?? '');
  if (identity.hint !== undefined) parts.push(identity.hint);
  return JSON.stringify(parts);
}

/** Relay plugin hook: `encodeGlobalID(typename, key)`. */
export function encodeRelayGlobalId(typename: string, key: bigint | number | string): string {
  const body = `${typename}:${key}`;
  return `${Buffer.from(body, 'utf8').toString('base64url')}${checksum(body)}`;
}

function invalid(globalId: string): never {
  throw badInput('Invalid ID: it is not an ID this API issued, or it was altered.', {
    argument: 'id',
    length: globalId.length,
  });
}

/** Relay plugin hook: splits an ID into its type and key, or fails with BAD_USER_INPUT. */
export function decodeRelayGlobalId(globalId: string): { typename: string; id: string } {
  if (typeof globalId !== 'string' || globalId.length > maxGlobalIdLength)
    invalid(String(globalId));
  const encoded = globalId.slice(0, -checksumLength);
  if (encoded.length === 0 || !/^[A-Za-z0-9_-]+$/.test(encoded)) invalid(globalId);
  const body = Buffer.from(encoded, 'base64url').toString('utf8');
  // Re-encoding catches edits to the padding bits of the last character, which decoding drops.
  const canonical = Buffer.from(body, 'utf8').toString('base64url') === encoded;
  if (!canonical || checksum(body) !== globalId.slice(-checksumLength)) invalid(globalId);
  const colon = body.indexOf(':');
  if (colon <= 0) invalid(globalId);
  return { typename: body.slice(0, colon), id: body.slice(colon + 1) };
}

function parseNodeKey(key: string, globalId: string): NodeIdentity {
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    invalid(globalId);
  }
  if (!Array.isArray(parts) || parts.length < 2 || parts.length > 4) invalid(globalId);
  if (!parts.every((part) => typeof part === 'string')) invalid(globalId);
  const [account, remote, owner, hint] = parts as string[];
  if (!account || !isAccountId(account) || !remote) invalid(globalId);
  return {
    accountId: account,
    remoteId: remote as RemoteId,
    ...(owner ? { owner: owner as RemoteId } : {}),
    ...(hint !== undefined ? { hint } : {}),
  };
}

function isNodeTypename(value: string): value is NodeTypename {
  return (nodeTypenames as readonly string[]).includes(value);
}

export function toGlobalId(typename: NodeTypename, identity: NodeIdentity): string {
  return encodeRelayGlobalId(typename, nodeKey(identity));
}

/** Decodes an ID a client sent; `expected` narrows the type it must name. */
export function fromGlobalId(
  globalId: string,
  expected?: readonly NodeTypename[],
): DecodedGlobalId {
  const { typename, id } = decodeRelayGlobalId(globalId);
  if (!isNodeTypename(typename)) invalid(globalId);
  if (expected && !expected.includes(typename)) {
    throw badInput(`Expected the ID of ${expected.join(' or ')}, got the ID of ${typename}.`, {
      argument: 'id',
    });
  }
  return { typename, ...parseNodeKey(id, globalId) };
}
