/**
 * How an account proves itself to its provider. Secrets stay behind these values: a key is read
 * only when a call (or a token request) is made, and an OAuth token is asked for per call so the
 * account layer can refresh it.
 */

/**
 * A static key (an API key, an SSWS token), a token the account layer keeps fresh (OAuth
 * authorization code), a private key the provider signs its own token requests with
 * (private_key_jwt, service accounts), or a client id and secret the provider exchanges for a
 * token (client-credentials grant) or takes as HTTP Basic auth (a service user).
 */
export type AuthKind = 'apiKey' | 'oauth' | 'serviceAccount' | 'clientSecret';

/**
 * A private key registered with the provider. What each field means is the provider's: a client
 * id and JWK `kid`, or a service-account email, `private_key_id`, the admin to impersonate and the
 * key file's `token_uri`.
 */
export interface ServiceAccountKey {
  readonly clientId: string;
  /** PKCS#8 PEM. */
  readonly privateKey: string;
  readonly keyId: string | null;
  /** Whom the token acts for (domain-wide delegation); null when the client acts itself. */
  readonly subject: string | null;
  /** Where tokens are asked for, when the key names it (a key file's `token_uri`). */
  readonly tokenUrl: string | null;
}

export type AccountCredentials =
  | { readonly kind: 'apiKey'; readonly apiKey: string }
  | { readonly kind: 'oauth'; readonly accessToken: () => Promise<string> }
  | { readonly kind: 'serviceAccount'; readonly key: ServiceAccountKey }
  | { readonly kind: 'clientSecret'; readonly clientId: string; readonly clientSecret: string };
