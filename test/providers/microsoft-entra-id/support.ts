/** The credentials of the Entra sandbox's app, as hrgraph's accounts carry them. */
import type { AccountCredentials } from '../../../src/core/contract/index.js';
import type { EntraApp } from '../../../src/sandbox/microsoft-entra-id/index.js';

/** The app's certificate: its private key signs the assertions, its thumbprint names it. */
export function certificateCredentials(
  app: EntraApp,
): Extract<AccountCredentials, { kind: 'serviceAccount' }> {
  return {
    kind: 'serviceAccount',
    key: {
      clientId: app.clientId,
      privateKey: app.privateKeyPem,
      keyId: app.thumbprint,
      subject: null,
      tokenUrl: null,
    },
  };
}

/** The app's client secret. */
export function secretCredentials(
  app: EntraApp,
): Extract<AccountCredentials, { kind: 'clientSecret' }> {
  return { kind: 'clientSecret', clientId: app.clientId, clientSecret: app.clientSecret };
}
