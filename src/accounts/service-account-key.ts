/**
 * Reads a private key handed to hrgraph for a service account: Google's key file as the console
 * downloads it, or the same facts spelled plainly (Okta's API service apps have no key-file
 * format). Problems name the field, never a value: the text is a secret.
 */
import { createPrivateKey } from 'node:crypto';
import type { ServiceAccountKey } from '../core/contract/index.js';
import { AccountInputError } from './account-input.js';

type Fields = Record<string, unknown>;

function text(fields: Fields, name: string): string | null {
  const value = fields[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * `json` is either Google's key file (`client_email`, `private_key`, `private_key_id`,
 * `token_uri`) or `{ clientId, privateKey, keyId?, subject?, tokenUrl? }`. `subject` names whom
 * the key acts for (Google: an admin of the domain) and wins over one in the JSON.
 */
export function readServiceAccountKey(json: string, subject?: string): ServiceAccountKey {
  let fields: unknown;
  try {
    fields = JSON.parse(json);
  } catch {
    throw new AccountInputError('service-account key: not valid JSON');
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new AccountInputError('service-account key: expected a JSON object');
  }
  const f = fields as Fields;
  const google = f.type === 'service_account';
  const key: ServiceAccountKey = {
    clientId: (google ? text(f, 'client_email') : text(f, 'clientId')) ?? '',
    privateKey: (google ? text(f, 'private_key') : text(f, 'privateKey')) ?? '',
    keyId: google ? text(f, 'private_key_id') : text(f, 'keyId'),
    subject: subject ?? text(f, 'subject'),
    tokenUrl: google ? text(f, 'token_uri') : text(f, 'tokenUrl'),
  };
  if (!key.clientId) {
    throw new AccountInputError(
      `service-account key: ${google ? 'client_email' : 'clientId'} is missing`,
    );
  }
  try {
    createPrivateKey(key.privateKey);
  } catch {
    throw new AccountInputError(
      `service-account key: ${google ? 'private_key' : 'privateKey'} is not a PEM private key`,
    );
  }
  if (key.tokenUrl !== null && !/^https?:\/\//.test(key.tokenUrl)) {
    throw new AccountInputError('service-account key: the token URL is not an http(s) URL');
  }
  return key;
}
