/**
 * The contract between the BambooHR sandbox's core (routing, auth, faults, log) and its route
 * modules. Route modules are `register<Area>Routes(api: Hono<SandboxEnv>)` functions that declare
 * paths relative to the API root, version included: `/v1/employees`, `/v1_2/datasets`,
 * `/v2/datasets/:name/data`. The core mounts them under both URL forms
 * (`/api/gateway.php/{company}/…` and `/api/…` on `{company}.bamboohr.com`), authenticates the
 * caller and resolves the company before any route runs.
 */
import type { Clock } from '../common/clock.js';
import type { SyntheticCompany } from '../company/types.js';
import type { FieldCatalog } from './fields.js';

/** Who the request authenticated as. */
export type Principal =
  | { readonly kind: 'apiKey'; readonly employeeId: number }
  | {
      readonly kind: 'oauth';
      readonly employeeId: number;
      readonly clientId: string;
      readonly scopes: readonly string[];
    };

/** Mutable per-company state the sandbox keeps between requests (webhooks are writable). */
export interface SandboxCompany {
  readonly domain: string;
  readonly data: SyntheticCompany;
  readonly webhooks: WebhookStore;
}

export interface Webhook {
  id: string;
  name: string;
  url: string;
  format: 'json' | 'form-encoded';
  events: string[];
  monitorFields: string[] | null;
  postFields: Record<string, string>;
  includeCompanyDomain: boolean;
  privateKey: string;
  created: string;
  lastSent: string | null;
  /** The employee whose key created it: others get 403. */
  ownerEmployeeId: number;
}

export interface WebhookStore {
  list(): Webhook[];
  get(id: string): Webhook | undefined;
  put(webhook: Webhook): void;
  delete(id: string): boolean;
  nextId(): string;
}

export type { Clock };

/** Readings of the spec that are unsure or disagree with the reference; see reference §2.1. */
export interface SpecSwitches {
  /**
   * The spec lists only OAuth scopes on GET /v1/employees, so an API key gets 401 there.
   * @default false
   */
  employeesListAcceptsApiKey: boolean;
  /** @default 250 */
  employeesListDefaultLimit: number;
  /** @default 2500 */
  employeesListMaxLimit: number;
}

/**
 * A small per-company memo for derived, immutable data (sorted id lists, indexes). Bounded (LRU),
 * so route modules may cache freely; the company data never changes, so entries never go stale.
 * Added by the core; see `company-cache.ts`.
 */
export interface CompanyCache {
  get<T>(key: string, build: () => T): T;
}

export type SandboxEnv = {
  Variables: {
    company: SandboxCompany;
    principal: Principal;
    switches: SpecSwitches;
    clock: Clock;
    /** Field names the request asked for, recorded in the request log. */
    fieldsAsked: string[];
    /**
     * Added by the core: the company's field catalogue (standard + custom fields, by name, alias
     * or id) and the value of any field for a person. See `fields.ts`; `fieldValue()` there is the
     * same thing without a catalogue at hand.
     */
    fields: FieldCatalog;
    /**
     * Added by the core: the absolute API root of this request without the version segment, in
     * the URL form the caller used: `http://127.0.0.1:5000/api/gateway.php/acme` or
     * `http://acme.localhost:5000/api`. Links in responses start here (`${baseUrl}/v1/employees`).
     */
    baseUrl: string;
    /** Added by the core: per-company memo for derived data. */
    cache: CompanyCache;
  };
};

/*
 * Helpers for route modules (added by the core):
 * - `respond.ts`: `wantsJson(c)` (legacy negotiation: XML unless `Accept: application/json` or
 *   `?format=json`), `negotiate(c, json, xmlRoot)`, `toXml(obj)` (fast-xml-parser builder,
 *   attributes as `@_name`, text as `#text`), `legacyError(c, status, message)` (empty body +
 *   `X-BambooHR-Error-Message`), `jsonError(c, status, code, message)` (`{"error":{code,message}}`),
 *   `problem(c, status, {title, detail, code, …})` (RFC 7807), `withRequestId(c)` (echo or make
 *   `X-Request-ID`), `recordFields(c, names)` (fields asked, for the request log).
 * - `fields.ts`: `STANDARD_FIELDS`, `createFieldCatalog(company)`, `fieldValue(company, person, key)`.
 * - `meta-lists.ts`: list fields with their option ids (`listFields(company)`) and table metadata.
 * - `clock.ts`: `createManualClock(start)` for tests.
 * Read variables with `c.get('fields')` inside loops: Hono's `c.var` copies every variable into a
 * new object on each access.
 */
