/**
 * The service account of the sandbox tenant and its key. The key pair is made on first use with
 * node:crypto's synchronous generator (jose's `generateKeyPair` is async and the sandbox factory
 * is not); jose verifies assertions against it. A key file is the JSON Google's console downloads.
 */
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

export interface ServiceAccountKeyFile {
  readonly type: 'service_account';
  readonly project_id: string;
  readonly private_key_id: string;
  /** PKCS#8 PEM. */
  readonly private_key: string;
  readonly client_email: string;
  readonly client_id: string;
  readonly auth_uri: string;
  readonly token_uri: string;
  readonly auth_provider_x509_cert_url: string;
  readonly client_x509_cert_url: string;
  readonly universe_domain: string;
}

export interface ServiceAccount {
  readonly projectId: string;
  readonly clientEmail: string;
  readonly clientId: string;
  readonly privateKeyId: string;
  /** Generated on first call, then the same for the sandbox's life. */
  publicKey(): KeyObject;
  keyFile(baseUrl: string): ServiceAccountKeyFile;
}

export interface ServiceAccountOptions {
  /** @default 'hrgraph-sandbox' */
  projectId?: string;
  /** @default 'hrgraph-directory' */
  accountName?: string;
}

export function createServiceAccount(options: ServiceAccountOptions = {}): ServiceAccount {
  const { projectId = 'hrgraph-sandbox', accountName = 'hrgraph-directory' } = options;
  const clientEmail = `${accountName}@${projectId}.iam.gserviceaccount.com`;
  const clientId = `1${BigInt(`0x${randomBytes(9).toString('hex')}`)
    .toString()
    .padStart(20, '0')
    .slice(0, 20)}`;
  const privateKeyId = randomBytes(20).toString('hex');
  let pair: { publicKey: KeyObject; privateKey: KeyObject } | null = null;

  function keys(): { publicKey: KeyObject; privateKey: KeyObject } {
    pair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    return pair;
  }

  return {
    projectId,
    clientEmail,
    clientId,
    privateKeyId,
    publicKey: () => keys().publicKey,
    keyFile(baseUrl) {
      const root = baseUrl.replace(/\/+$/, '');
      return {
        type: 'service_account',
        project_id: projectId,
        private_key_id: privateKeyId,
        private_key: keys().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        client_email: clientEmail,
        client_id: clientId,
        auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: `${root}/token`,
        auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
        client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
        universe_domain: 'googleapis.com',
      };
    },
  };
}
