/**
 * Google Workspace's kit: two accounts (a customer id, and a primary domain: `customer=` and
 * `domain=` lists), what each Directory API request asks for, the users each reply holds as the
 * Discovery document describes them, and queries that reach every read hrgraph makes of Google.
 * The service-account token is answered in the kit (Google's token endpoint is not a Directory
 * API method, so the extract has no operation for it): every other call reaches the agent.
 */
import { generateKeyPairSync } from 'node:crypto';
import { accountId } from '../../../src/core/ids.js';
import type { HttpClient, UpstreamResponse } from '../../../src/http/index.js';
import { createGoogleWorkspaceAdapter } from '../../../src/providers/google-workspace/index.js';
import type { ReplyKit } from '../support/kit.js';
import type { HeldRecord } from '../support/oracle.js';
import type { Exchange, SentRequest } from '../support/reply-agent.js';
import { discoveryReplies } from '../support/spec-replies.js';
import { googleWorkspaceQueries } from './google-workspace-queries.js';

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const rowsOf = (value: unknown): Row[] => (Array.isArray(value) ? value.filter(isRow) : []);

/** Every property users.get returns without `fields` (the basic projection): all but customSchemas. */
const BASIC = [
  'addresses',
  'agreedToTerms',
  'aliases',
  'archived',
  'changePasswordAtNextLogin',
  'creationTime',
  'customerId',
  'deletionTime',
  'emails',
  'etag',
  'externalIds',
  'gender',
  'hashFunction',
  'id',
  'ims',
  'includeInGlobalAddressList',
  'ipWhitelisted',
  'isAdmin',
  'isDelegatedAdmin',
  'isEnforcedIn2Sv',
  'isEnrolledIn2Sv',
  'isMailboxSetup',
  'keywords',
  'kind',
  'languages',
  'lastLoginTime',
  'locations',
  'name',
  'nonEditableAliases',
  'notes',
  'orgUnitPath',
  'organizations',
  'password',
  'phones',
  'posixAccounts',
  'primaryEmail',
  'recoveryEmail',
  'recoveryPhone',
  'relations',
  'sshPublicKeys',
  'suspended',
  'suspensionReason',
  'thumbnailPhotoEtag',
  'thumbnailPhotoUrl',
  'websites',
];

/** The top-level User properties a `fields` mask names (`a,b` or `kind,users(a,b)`). */
function maskedProperties(url: URL): string[] | null {
  const fields = url.searchParams.get('fields');
  if (fields === null) return null;
  const inner = /users\(([^)]*)\)/.exec(fields)?.[1] ?? fields;
  return inner
    .split(',')
    .filter((f) => f !== '' && !/[()]/.test(f) && f !== 'kind' && f !== 'nextPageToken');
}

/** A user's values: its properties, its custom fields as `Schema.field`, and each asked property it left out as null. */
function userRecord(user: Row, asked: readonly string[]): HeldRecord {
  const values = new Map<string, unknown>();
  for (const [key, value] of Object.entries(user)) {
    if (key !== 'customSchemas') values.set(key, value);
  }
  if (isRow(user.customSchemas)) {
    for (const [schema, fields] of Object.entries(user.customSchemas)) {
      if (!isRow(fields)) continue;
      for (const [field, value] of Object.entries(fields)) values.set(`${schema}.${field}`, value);
    }
  }
  for (const key of asked) if (!values.has(key) && key !== 'customSchemas') values.set(key, null);
  return { id: String(user.id), values };
}

function records(exchange: Exchange): HeldRecord[] {
  const asked = maskedProperties(exchange.url);
  switch (exchange.operation.key) {
    case 'directory.users.get': {
      const user = exchange.reply as Row;
      const record = userRecord(user, asked ?? BASIC);
      // Without a mask it is a manager's read by email: Google answers an alias with the user.
      const email = decodeURIComponent(exchange.url.pathname.split('/').pop() ?? '');
      return [asked === null ? { ...record, askedBy: { email: email.toLowerCase() } } : record];
    }
    case 'directory.users.list':
      return rowsOf((exchange.reply as Row).users).map((user) => userRecord(user, asked ?? []));
    default:
      return [];
  }
}

/** The ids `directManagerId='…'` names in a search. */
function managerIds(query: string | null): string[] {
  if (query === null) return [];
  return [...query.matchAll(/directManagerId='((?:[^'\\]|\\.)*)'/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, '$1'),
  );
}

function asked(request: SentRequest) {
  const { url } = request;
  const ids: string[] = [...managerIds(url.searchParams.get('query'))];
  const user = /\/users\/([^/]+)$/.exec(url.pathname);
  // A read by id carries a mask; a manager's read by email does not, and its key is the address
  // a reply held, lower-cased (Google's addresses are case-insensitive): not an id.
  if (user && url.searchParams.has('fields')) ids.push(decodeURIComponent(user[1]!));
  return { ids, keys: maskedProperties(url) ?? [] };
}

/** A throwaway RSA key: the assertion is signed for real, and the kit answers the token call. */
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const TOKEN_URL = 'http://token.localhost/token';

const tokenReply: UpstreamResponse = {
  status: 200,
  headers: {} as UpstreamResponse['headers'],
  text: JSON.stringify({ access_token: 'replies-token', expires_in: 3600 }),
  json: <T>() => ({ access_token: 'replies-token', expires_in: 3600 }) as T,
};

/** `http`, but the service-account token call is answered here and never recorded. */
function withTokens(http: HttpClient): HttpClient {
  return {
    request: (req, ctx) =>
      req.url === TOKEN_URL ? Promise.resolve(tokenReply) : http.request(req, ctx),
    close: () => http.close(),
  };
}

const key = {
  clientId: 'replies@acme.iam.gserviceaccount.com',
  privateKey,
  keyId: 'replies',
  subject: 'admin@acme.example',
  tokenUrl: TOKEN_URL,
};

const ids = ['101', '102', '103'];
const emails = ['ann@acme.example', 'bob@acme.example', 'cy@acme.example'];
const paths = ['/', '/Sales', '/Engineering'];

export const googleWorkspaceKit: ReplyKit = {
  provider: 'google-workspace',
  spec: () => discoveryReplies('google-workspace'),
  adapters: (http) => [
    createGoogleWorkspaceAdapter({
      accountId: accountId('acme'),
      company: 'C01acme',
      baseUrl: 'http://acme.localhost',
      key,
      http: withTokens(http),
    }),
    createGoogleWorkspaceAdapter({
      accountId: accountId('acme-domain'),
      company: 'acme.example',
      baseUrl: 'http://acme-domain.localhost',
      key,
      http: withTokens(http),
    }),
  ],
  asked,
  idNames: ['id'],
  favoured: {
    id: ids,
    primaryEmail: emails,
    value: emails,
    address: emails,
    type: ['manager', 'work', 'home', 'mobile', 'organization', 'female', 'other'],
    orgUnitPath: paths,
    parentOrgUnitPath: paths,
    orgUnitId: ['id:01', 'id:02'],
    parentOrgUnitId: ['id:01', 'id:02'],
    schemaName: ['Employment'],
    fieldName: ['hireDate', 'costCenter'],
    customGender: ['Agender'],
  },
  records,
  queries: googleWorkspaceQueries,
};
