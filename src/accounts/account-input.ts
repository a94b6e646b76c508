/**
 * Checks on what a person types for an account (CLI, config file): problems name the field, never
 * echo a value, since the value may be a secret typed in the wrong place.
 */
import { type AccountId, isAccountId } from '../providers/ids.js';
import type { ProviderName } from '../providers/provider.js';
import { isProviderName, providerNames } from '../providers/registry.js';

export { providerNames };

/** Subdomains, org hosts (`acme.okta.com`), domains, customer ids and uuids. */
const companyPattern = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

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
  if (!companyPattern.test(value)) {
    throw new AccountInputError(
      "company: the provider's name for the company (BambooHR: the subdomain; Okta: the org host; Google: the customer id or domain; Gusto: the company uuid)",
    );
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
