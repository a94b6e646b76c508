/**
 * Checks on what a person types for an account (CLI, config file): problems name the field, never
 * echo a value, since the value may be a secret typed in the wrong place.
 */
import { type AccountId, isAccountId } from '../providers/ids.js';
import type { ProviderName } from '../providers/provider.js';

export const providerNames: readonly ProviderName[] = ['bamboohr'];
const companyPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

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
  if (!providerNames.includes(value as ProviderName)) {
    throw new AccountInputError(`provider: one of ${providerNames.join(', ')}`);
  }
  return value as ProviderName;
}

export function checkCompany(value: string): string {
  if (!companyPattern.test(value)) {
    throw new AccountInputError("company: the provider's company name (BambooHR: the subdomain)");
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
