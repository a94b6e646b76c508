/**
 * What an account looks like to a person or a script: every field but the secrets, which are
 * described (kind, expiry, scopes), never shown.
 */
import type { AuthKind } from '../core/contract/index.js';
import type { AccountService } from './account-service.js';
import type { StoredAccount } from './types.js';

export interface AccountView {
  readonly id: string;
  readonly provider: string;
  readonly company: string;
  readonly baseUrl: string | null;
  readonly auth: AuthKind;
  readonly status: string;
  readonly statusReason: string | null;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Only in `show`: facts about the credentials, safe to print. */
  readonly credentials?: {
    readonly set: boolean;
    readonly accessTokenExpiresAt?: string;
    readonly refreshToken?: boolean;
    readonly scopes?: readonly string[];
    /** A refresh sent then whose answer was never stored (write-ahead still set). */
    readonly refreshUnconfirmedSince?: string;
    readonly problem?: string;
    /** Service accounts: the client the key belongs to and whom it acts for (not secret). */
    readonly clientId?: string;
    readonly subject?: string | null;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function accountView(account: StoredAccount): AccountView {
  return {
    id: account.id,
    provider: account.provider,
    company: account.company,
    baseUrl: account.baseUrl,
    auth: account.authKind,
    status: account.status,
    statusReason: account.statusReason,
    lockedUntil: account.lockedUntil === null ? null : iso(account.lockedUntil),
    createdAt: iso(account.createdAt),
    updatedAt: iso(account.updatedAt),
  };
}

export function detailedView(service: AccountService, account: StoredAccount): AccountView {
  const view = accountView(account);
  let secrets: ReturnType<AccountService['secrets']>;
  try {
    secrets = service.secrets(account);
  } catch (error) {
    return { ...view, credentials: { set: true, problem: (error as Error).message } };
  }
  if (!secrets) return { ...view, credentials: { set: false } };
  if (secrets.kind === 'apiKey') return { ...view, credentials: { set: true } };
  if (secrets.kind === 'serviceAccount') {
    const { clientId, subject } = secrets.key;
    return { ...view, credentials: { set: true, clientId, subject } };
  }
  if (secrets.kind === 'clientSecret') {
    return { ...view, credentials: { set: true, clientId: secrets.clientId } };
  }
  return {
    ...view,
    credentials: {
      set: true,
      accessTokenExpiresAt: iso(secrets.tokens.expiresAt),
      refreshToken: secrets.tokens.refreshToken !== null,
      scopes: secrets.tokens.scopes,
      ...(account.refreshStartedAt !== null
        ? { refreshUnconfirmedSince: iso(account.refreshStartedAt) }
        : {}),
    },
  };
}

/** A fixed-width table of rows (first row: headings). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const authLabels: Record<AuthKind, string> = {
  apiKey: 'API key',
  oauth: 'OAuth 2.0',
  serviceAccount: 'service account (signed JWT assertions)',
  clientSecret: 'client id and secret',
};

export function describeAccount(view: AccountView): string {
  const lines = [
    `id:          ${view.id}`,
    `provider:    ${view.provider}`,
    `company:     ${view.company}`,
    `base URL:    ${view.baseUrl ?? '(the provider default)'}`,
    `auth:        ${authLabels[view.auth]}`,
    `status:      ${view.status}${view.statusReason ? ` (${view.statusReason})` : ''}`,
  ];
  if (view.lockedUntil) lines.push(`locked until: ${view.lockedUntil}`);
  const c = view.credentials;
  if (c) {
    if (c.problem) lines.push(`credentials: cannot be opened: ${c.problem}`);
    else if (!c.set) lines.push('credentials: none yet');
    else if (view.auth === 'apiKey') lines.push('credentials: an API key (sealed; never shown)');
    else if (view.auth === 'serviceAccount') {
      lines.push(
        `credentials: a private key (sealed; never shown) of client ${c.clientId}`,
        `             acting as: ${c.subject ?? 'the client itself'}`,
      );
    } else if (view.auth === 'clientSecret') {
      lines.push(`credentials: a client secret (sealed; never shown) of client ${c.clientId}`);
    } else {
      lines.push(
        `credentials: an access token (sealed; never shown), expires ${c.accessTokenExpiresAt}`,
        `             refresh token: ${c.refreshToken ? 'yes' : 'no (re-connect at expiry)'}`,
        `             scopes: ${c.scopes?.join(' ') ?? ''}`,
      );
      if (c.refreshUnconfirmedSince) {
        lines.push(`             a refresh sent ${c.refreshUnconfirmedSince} was never confirmed`);
      }
    }
  }
  lines.push(`created:     ${view.createdAt}`, `updated:     ${view.updatedAt}`);
  return lines.join('\n');
}
