/**
 * One request's view of an Okta account: the loaders' batched demands as planned Okta calls,
 * and Okta users as unified records.
 */

import type {
  CallContext,
  EmployeeListQuery,
  EmployeeRecord,
  NativePage,
  ProviderSession,
} from '../../core/contract/index.js';
import { type AccountId, type RemoteId, remoteId } from '../../core/ids.js';
import type { Company, EmployeeField } from '../../core/model.js';
import { type DemandGroup, planGroupedLoad } from '../../loaders/planner.js';
import { noPersonalHistory } from '../identity-directory.js';
import type { OktaAuth } from './auth.js';
import type { OktaClient } from './client.js';
import { groupFields, oktaKeysFor, standardRawFields } from './fields.js';
import type { GroupDirectory, OktaGroups } from './groups.js';
import { listUsers } from './list-users.js';
import type { OktaMetadata } from './metadata.js';
import { toEmployeeRecord } from './normalize.js';
import { isObject, type OktaObject, shapes } from './shapes.js';
import { type FetchedUser, isOktaId, type UserReadOperation } from './user-reads.js';

export interface SessionDeps {
  readonly accountId: AccountId;
  /** The org host, `acme.okta.com`: the company's remote id. */
  readonly company: string;
  readonly client: OktaClient;
  readonly auth: OktaAuth;
  readonly groups: OktaGroups;
  readonly metadata: OktaMetadata;
  readonly userReads: readonly UserReadOperation[];
}

const needsGroups = (fields: readonly EmployeeField[]) => fields.some((f) => groupFields.has(f));

function merge(into: EmployeeRecord | undefined, record: EmployeeRecord): EmployeeRecord {
  if (!into) return record;
  return {
    remoteId: record.remoteId,
    fields: { ...into.fields, ...record.fields },
    raw: new Map([...into.raw, ...record.raw]),
  };
}

function text(raw: OktaObject, key: string): string | null {
  const value = raw[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export function createOktaSession(deps: SessionDeps, ctx: CallContext): ProviderSession {
  const { accountId, client, groups } = deps;
  const directory = () => groups.directory(ctx);
  // Users this request has seen: a demand for fields Okta cannot supply needs no existence
  // check for them, so it costs nothing.
  const seen = new Set<RemoteId>();

  function toRecords(fetched: Iterable<FetchedUser>, group: GroupDirectory | null) {
    const out: EmployeeRecord[] = [];
    for (const { user, asked } of fetched) {
      const record = toEmployeeRecord(user, asked, group);
      seen.add(record.remoteId);
      out.push(record);
    }
    return out;
  }

  async function runPlan(demands: readonly DemandGroup[]) {
    const plan = planGroupedLoad(deps.userReads, demands, { companySize: 0 });
    const byName = new Map(deps.userReads.map((op) => [op.name, op]));
    const results = await Promise.all(
      plan.map((call) => byName.get(call.operation)!.run(call, ctx)),
    );
    return results.flatMap((result) => [...result.values()]);
  }

  return {
    async listEmployees(query: EmployeeListQuery): Promise<NativePage<EmployeeRecord>> {
      const keys = oktaKeysFor(query.fields.unified, query.fields.raw);
      const [page, group] = await Promise.all([
        listUsers({ client, groups: directory }, query, keys, ctx),
        needsGroups(query.fields.unified) ? directory() : null,
      ]);
      return { ...page, records: toRecords(page.records, group) };
    },

    async loadEmployees(demanded) {
      const demands: DemandGroup[] = [];
      for (const { ids, fields } of demanded) {
        const keys = oktaKeysFor(fields.unified, fields.raw);
        const valid = [...new Set(ids.filter(isOktaId))];
        // Nothing Okta keeps was asked for: only ids not yet seen need proof they exist.
        const toLoad = keys.length > 0 ? valid : valid.filter((id) => !seen.has(remoteId(id)));
        if (toLoad.length > 0) demands.push({ ids: toLoad, fields: keys });
      }
      const unified = [...new Set(demanded.flatMap((g) => g.fields.unified))];
      const [fetched, group] = await Promise.all([
        demands.length > 0 ? runPlan(demands) : [],
        needsGroups(unified) ? directory() : null,
      ]);
      const out = new Map<RemoteId, EmployeeRecord>();
      for (const record of toRecords(fetched, group)) {
        out.set(record.remoteId, merge(out.get(record.remoteId), record));
      }
      for (const { ids } of demanded) {
        for (const id of ids) {
          if (!out.has(id) && seen.has(id))
            out.set(id, { remoteId: id, fields: {}, raw: new Map() });
        }
      }
      return out;
    },

    // Okta keeps identities, not jobs: no history, pay or leave to read.
    ...noPersonalHistory,

    listGroups: async () => [...(await directory()).groups],
    // Okta has no location objects; `profile.city` and friends are the person's own address.
    listLocations: async () => [],

    async company(): Promise<Company> {
      const none: Company = {
        accountId,
        remoteId: remoteId(deps.company),
        legalName: null,
        displayName: null,
        address: null,
        phone: null,
        raw: {},
      };
      // getOrgSettings needs okta.orgs.read, which service apps are not asked to hold by default:
      // without it the company is known by its host alone, at no cost.
      if (!deps.auth.grants('okta.orgs.read')) return none;
      const reply = await client.get<OktaObject>('okta.getOrgSettings', '/api/v1/org', ctx, {
        shape: shapes.org,
      });
      const org = reply?.body;
      if (!org || !isObject(org)) return none;
      const { _links: _omit, ...raw } = org;
      return {
        ...none,
        legalName: text(org, 'companyName'),
        displayName: text(org, 'companyName'),
        address: {
          line1: text(org, 'address1'),
          line2: text(org, 'address2'),
          city: text(org, 'city'),
          state: text(org, 'state'),
          postalCode: text(org, 'postalCode'),
          country: text(org, 'country'),
        },
        phone: text(org, 'phoneNumber'),
        raw,
      };
    },

    resolveRawFields: (names) => deps.metadata.resolveFields(names, ctx),
    defaultRawFields: () => standardRawFields,
    listCustomFields: async () => [...(await deps.metadata.customFields(ctx))],
  };
}
