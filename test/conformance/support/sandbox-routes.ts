/**
 * The operations each sandbox serves, read from its Hono router (`app.routes`), as
 * `GET /api/v1/users/{}`: parameter names dropped, since the sandbox and the spec name them
 * differently (`:id{[0-9]+}` against `{id}`). Routes the provider's API spec does not describe
 * (its OAuth pages and token endpoints) are listed by name with the reason.
 */

import type { ProviderId } from '../../../scripts/extract-spec/providers.js';
import { createBambooHrSandbox } from '../../../src/sandbox/bamboohr/app.js';
import { createGoogleWorkspaceSandbox } from '../../../src/sandbox/google-workspace/index.js';
import { createGustoSandbox } from '../../../src/sandbox/gusto/index.js';
import { createHibobSandbox } from '../../../src/sandbox/hibob/index.js';
import { createEntraSandbox } from '../../../src/sandbox/microsoft-entra-id/index.js';
import { createOktaSandbox } from '../../../src/sandbox/okta/index.js';
import { createPersonioSandbox } from '../../../src/sandbox/personio/index.js';

interface Route {
  readonly method: string;
  readonly path: string;
}

const company = { seed: 3, size: 10, customFieldCount: 0 };

interface SandboxRouting {
  /** Every sandbox is a Hono app, though some types show only its `fetch`. */
  create(): { readonly app: object };
  /** Routes outside the API spec, as the sandbox writes them, and why. */
  readonly notInSpec: Readonly<Record<string, string>>;
  /** Maps an alias URL form onto the spec's. */
  readonly canonicalPath?: (path: string) => string;
}

const ROUTING: Record<ProviderId, SandboxRouting> = {
  bamboohr: {
    create: () => createBambooHrSandbox({ companies: [{ ...company, domain: 'acme' }] }),
    notInSpec: {
      'GET /authorize.php': "BambooHR's OAuth authorize page, on its login host",
      'POST /token.php': "BambooHR's OAuth token endpoint, on its login host",
    },
    // The legacy gateway form serves the same operations as the company host (reference §1.1).
    canonicalPath: (path) => path.replace(/^\/api\/gateway\.php\/:companyDomain\//, '/api/'),
  },
  okta: {
    create: () => createOktaSandbox({ company }),
    notInSpec: {
      'POST /oauth2/v1/token': "the org authorization server's, not a Management API path",
    },
  },
  gusto: {
    create: () => createGustoSandbox({ company }),
    notInSpec: { 'GET /oauth/authorize': 'a browser page, not an API operation' },
  },
  'google-workspace': {
    create: () => createGoogleWorkspaceSandbox({ company }),
    notInSpec: { 'POST /token': "Google's OAuth token endpoint, not a Directory API method" },
  },
  hibob: {
    create: () => createHibobSandbox({ company }),
    notInSpec: {},
    // The spec's paths are relative to its server, https://api.hibob.com/v1.
    canonicalPath: (path) => path.replace(/^\/v1\//, '/'),
  },
  'microsoft-entra-id': {
    create: () => createEntraSandbox({ company }),
    notInSpec: {
      'POST /:tenant/oauth2/v2.0/token': "the identity platform's token endpoint, not a Graph path",
    },
    // Graph's paths sit under its version root; the spec's server URL carries `/v1.0`.
    canonicalPath: (path) => path.replace(/^\/v1\.0\//, '/').replace(':batch{\\$batch}', '$batch'),
  },
  personio: {
    create: () => createPersonioSandbox({ company }),
    notInSpec: {
      'POST /v1/auth':
        'in personio-auth-api.yaml, a spec of its own (its one operation, checked by test/providers/personio/conformance)',
      'POST /v2/auth/token': 'v2 operations are documented on developer.personio.de pages only',
      'GET /v2/persons': 'v2 operations are documented on developer.personio.de pages only',
      'GET /v2/persons/:person_id/employments':
        'v2 operations are documented on developer.personio.de pages only',
    },
    // The v1 spec's server is https://api.personio.de/v1: its paths start after /v1.
    canonicalPath: (path) => path.replace(/^\/v1\/company\//, '/company/'),
  },
};

export interface SandboxRoutes {
  /** `METHOD /path/{}` of every route the spec describes. */
  readonly inSpec: ReadonlySet<string>;
  /** Routes listed as outside the spec that the sandbox actually has. */
  readonly outsideSpec: ReadonlySet<string>;
}

export function sandboxRoutes(id: ProviderId): SandboxRoutes {
  const routing = ROUTING[id];
  const inSpec = new Set<string>();
  const outsideSpec = new Set<string>();
  const { routes } = routing.create().app as { routes?: readonly Route[] };
  if (!Array.isArray(routes)) throw new Error(`The ${id} sandbox's app lists no routes`);
  for (const { method, path } of routes) {
    // `ALL` entries are middleware (auth, faults, request log), not operations.
    if (method === 'ALL') continue;
    const route = `${method} ${routing.canonicalPath?.(path) ?? path}`;
    if (Object.hasOwn(routing.notInSpec, route)) outsideSpec.add(route);
    else inSpec.add(route.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, '{}'));
  }
  return { inSpec, outsideSpec };
}

/** The routes each sandbox is said to serve outside its spec, for a test that the list is true. */
export function notInSpec(id: ProviderId): readonly string[] {
  return Object.keys(ROUTING[id].notInSpec);
}
