/**
 * Checks on what a person types for an account (CLI, config file): problems name the field, never
 * echo a value, since the value may be a secret typed in the wrong place.
 */
import { type AccountId, isAccountId, type ProviderName } from '../core/ids.js';
import { isProviderName, providerDefinition, providerNames } from '../providers/registry.js';

export { providerNames };

/** What `company` means, provider by provider, from each provider's own definition. */
export function companyHelp(): string {
  const meanings = providerNames.map((name) => {
    const { label, companyMeaning } = providerDefinition(name);
    return `${label}: ${companyMeaning}`;
  });
  return `the provider's name for the company (${meanings.join('; ')})`;
}

/** Subdomains, org hosts (`acme.okta.com`), domains, customer ids (`my_customer`) and uuids. */
const companyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

export function isCompanyName(value: unknown): value is string {
  return typeof value === 'string' && companyPattern.test(value);
}

export class AccountInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountInputError';
  }
}

export function checkAccountId(value: string): AccountId {
  if (!isAccountId(value)) {
    throw new AccountInputError(
      'account id: 1-63 lowercase letters, digits, "-" or "_", starting with a letter or digit',
    );
  }
  return value;
}

export function checkProvider(value: string): ProviderName {
  if (!isProviderName(value)) {
    throw new AccountInputError(`provider: one of ${providerNames.join(', ')}`);
  }
  return value;
}

export function checkCompany(value: string): string {
  if (!isCompanyName(value)) {
    throw new AccountInputError(`company: ${companyHelp()}`);
  }
  return value;
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A base URL without its trailing slashes. */
export function checkBaseUrl(value: string): string {
  if (!isHttpUrl(value)) throw new AccountInputError('base URL: an http(s) URL');
  return value.replace(/\/+$/, '');
}

/** BambooHR keys are 160-bit hex; other providers may differ, so only the obvious is refused. */
export function checkApiKey(value: string): string {
  const key = value.trim();
  if (key.length < 8 || /\s/.test(key)) {
    throw new AccountInputError('API key: a single word of at least 8 characters');
  }
  return key;
}

/** A client id is shown (`accounts show`), so it is checked as printable text of one word. */
export function checkClientId(value: unknown): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value.trim())) {
    throw new AccountInputError('client id: one word of printable characters, at most 200');
  }
  return value.trim();
}

export function checkClientSecret(value: string): string {
  const secret = value.trim();
  if (secret.length < 8 || /\s/.test(secret)) {
    throw new AccountInputError('client secret: a single word of at least 8 characters');
  }
  return secret;
}
