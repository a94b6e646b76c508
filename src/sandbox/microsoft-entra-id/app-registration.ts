/**
 * The tenant's registered app that hrgraph signs in as: its application (client) id, one client
 * secret, and one certificate credential. Node cannot mint an X.509 certificate without a library,
 * so the sandbox's "certificate" is its RSA key pair and the thumbprint Entra would match the
 * assertion's `x5t#S256` against is the SHA-256 of the public key (SPKI DER), base64url: the same
 * role and encoding as Entra's certificate thumbprint, over different bytes.
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appIdOf } from './ids.js';

/** What a client needs to sign in: handed out by the sandbox, never sent by it. */
export interface EntraApp {
  readonly clientId: string;
  readonly clientSecret: string;
  /** PKCS#8 PEM of the certificate's private key. */
  readonly privateKeyPem: string;
  /** base64url SHA-256 thumbprint: what `x5t#S256` carries. */
  readonly thumbprint: string;
}

export interface RegisteredApp {
  readonly clientId: string;
  readonly displayName: string;
  readonly secret: string;
  /** Made on first use: an RSA key costs a few hundred milliseconds, most runs never sign. */
  certificate(): { readonly publicKey: KeyObject; readonly thumbprint: string };
  credentials(): EntraApp;
  enabled: boolean;
}

export function registerApp(domain: string, seed: number): RegisteredApp {
  const clientId = appIdOf(domain);
  // Entra's generated secrets are 40 characters with a `~` after the 3-character prefix.
  const digest = createHash('sha256').update(`entra-secret:${seed}:${domain}`).digest('base64url');
  const secret = `${digest.slice(0, 3)}8Q~${digest.slice(3, 37)}`;
  let keys: { publicKey: KeyObject; privateKeyPem: string; thumbprint: string } | null = null;
  const certificate = () => {
    if (!keys) {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const der = pair.publicKey.export({ type: 'spki', format: 'der' });
      keys = {
        publicKey: pair.publicKey,
        privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
        thumbprint: createHash('sha256').update(der).digest('base64url'),
      };
    }
    return keys;
  };
  return {
    clientId,
    displayName: 'hrgraph directory reader',
    secret,
    certificate,
    credentials() {
      const { privateKeyPem, thumbprint } = certificate();
      return { clientId, clientSecret: secret, privateKeyPem, thumbprint };
    },
    enabled: true,
  };
}
