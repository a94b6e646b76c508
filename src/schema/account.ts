/**
 * Account: one connected provider instance, what its provider can supply, and its lists.
 */
import type { ProviderAdapter } from '../core/contract/index.js';
import { providerDefinition, providerNames } from '../providers/registry.js';
import { builder } from './builder.js';
import { arrayPages } from './connection/array-pages.js';
import { resolveConnection } from './connection/resolve-connection.js';
import type { HrContext } from './context.js';
import {
  EmployeeFilterInput,
  EmployeeOrderFieldEnum,
  EmployeeOrderInput,
} from './employee/employee-filter.js';
import { EmployeeConnection, resolveEmployeeList } from './employee/employees-connection.js';
import { suppliedEmployeeFields } from './employee/field-demands.js';
import { AccountRef, CompanyRef, EmployeeRef, GroupRef, LocationRef } from './refs.js';
import { GroupTypeEnum } from './types/enums.js';

const ProviderEnum = builder.enumType('Provider', {
  values: Object.fromEntries(
    providerNames.map((name) => {
      const { enumValue, label } = providerDefinition(name);
      return [enumValue, { value: name, description: label }];
    }),
  ),
});
const authKinds = {
  apiKey: 'API_KEY',
  oauth: 'OAUTH',
  serviceAccount: 'SERVICE_ACCOUNT',
  clientSecret: 'CLIENT_SECRET',
} as const satisfies Record<ProviderAdapter['authKind'], string>;
const AuthKindEnum = builder.enumType('AuthKind', { values: Object.values(authKinds) });
const AccountStatusEnum = builder.enumType('AccountStatus', {
  values: {
    ACTIVE: { description: 'Connected and readable.' },
    NEEDS_REAUTH: {
      description: 'The provider refused the refresh token: connect the account again.',
    },
    LOCKED_OUT: {
      description: 'The provider refused the credentials; no call is made until they change.',
    },
    DISABLED: { description: 'Switched off by an operator.' },
  } as const,
});

const CapabilitiesRef = builder.objectRef<ProviderAdapter['capabilities']>('AccountCapabilities');

/** Employee fields that do not depend on a unified field the provider may lack. */
const alwaysSupplied = ['id', 'remoteId', 'company', 'account', 'remoteData'];

function employeeFieldsSupplied(caps: ProviderAdapter['capabilities']): string[] {
  const unified = suppliedEmployeeFields(caps.employeeFields);
  const objects: [boolean, string][] = [
    [caps.employeeFields.includes('manager'), 'directReports'],
    [caps.employments, 'employments'],
    [caps.compensations, 'compensations'],
    [caps.statusHistory, 'statusHistory'],
    [caps.timeOff, 'timeOff'],
    [caps.timeOffBalances, 'timeOffBalances'],
    [caps.customFields, 'customFields'],
  ];
  return [...alwaysSupplied, ...unified, ...objects.filter(([has]) => has).map(([, f]) => f)];
}

CapabilitiesRef.implement({
  description: "What this account's provider can supply; anything else comes back null.",
  fields: (t) => ({
    employeeFields: t.stringList({
      nullable: false,
      description: 'Names of the Employee fields this provider can fill.',
      resolve: employeeFieldsSupplied,
    }),
    employments: t.exposeBoolean('employments', { nullable: false }),
    compensations: t.exposeBoolean('compensations', { nullable: false }),
    statusHistory: t.exposeBoolean('statusHistory', { nullable: false }),
    timeOff: t.exposeBoolean('timeOff', { nullable: false }),
    timeOffBalances: t.exposeBoolean('timeOffBalances', { nullable: false }),
    groups: t.exposeBoolean('groups', { nullable: false }),
    locations: t.exposeBoolean('locations', { nullable: false }),
    customFields: t.exposeBoolean('customFields', { nullable: false }),
    employeeFilters: t.stringList({
      nullable: false,
      description: 'The `EmployeeFilter` fields this provider can apply.',
      resolve: (caps) => [...caps.filters],
    }),
    employeeOrders: t.field({
      type: [EmployeeOrderFieldEnum],
      nullable: false,
      resolve: (caps) => [...caps.orders],
    }),
    maxPageSize: t.exposeInt('maxPageSize', {
      nullable: false,
      description: 'Most records one provider page carries.',
    }),
  }),
});

export const GroupConnection = builder.connectionObject(
  {
    type: GroupRef,
    name: 'GroupConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (c) => c.totalCount ?? null }) }),
  },
  { name: 'GroupEdge' },
);

export const LocationConnection = builder.connectionObject(
  {
    type: LocationRef,
    name: 'LocationConnection',
    fields: (t) => ({ totalCount: t.int({ resolve: (c) => c.totalCount ?? null }) }),
  },
  { name: 'LocationEdge' },
);

function copy<T extends object>(record: T): T {
  return { ...record };
}

AccountRef.implement({
  description: 'One connected provider instance (a company in one HR system).',
  fields: (t) => ({
    id: t.id({
      nullable: false,
      description: 'The account id from the configuration (not a global ID).',
      resolve: (adapter) => adapter.accountId,
    }),
    provider: t.field({
      type: ProviderEnum,
      nullable: false,
      resolve: (adapter) => adapter.provider,
    }),
    authKind: t.field({
      type: AuthKindEnum,
      nullable: false,
      resolve: (adapter) => authKinds[adapter.authKind],
    }),
    status: t.field({
      type: AccountStatusEnum,
      nullable: false,
      resolve: (adapter, _args, ctx) => ctx.standing(adapter.accountId)?.status ?? 'ACTIVE',
    }),
    statusReason: t.string({
      description: 'Why the status is not ACTIVE, in words safe to show.',
      resolve: (adapter, _args, ctx) => ctx.standing(adapter.accountId)?.reason ?? null,
    }),
    lockedUntil: t.field({
      type: 'DateTime',
      description: 'When a lockout lifts on its own (it also lifts when the credentials change).',
      resolve: (adapter, _args, ctx) => {
        const until = ctx.standing(adapter.accountId)?.lockedUntil;
        return until == null ? null : new Date(until);
      },
    }),
    capabilities: t.field({
      type: CapabilitiesRef,
      nullable: false,
      resolve: (adapter) => adapter.capabilities,
    }),
    company: t.field({
      type: CompanyRef,
      resolve: async (adapter, _args, ctx) => copy(await ctx.loaders.company(adapter.accountId)),
    }),
    employees: t.connection(
      {
        type: EmployeeRef,
        args: {
          filter: t.arg({ type: EmployeeFilterInput }),
          orderBy: t.arg({ type: [EmployeeOrderInput] }),
        },
        resolve: (adapter, args, ctx, info) => resolveEmployeeList(ctx, adapter, args, info),
      },
      EmployeeConnection,
    ),
    groups: t.connection(
      {
        type: GroupRef,
        args: { type: t.arg({ type: GroupTypeEnum, description: 'Only groups of this type.' }) },
        resolve: (adapter, args, ctx) =>
          resolveConnection(
            ctx,
            {
              accountId: adapter.accountId,
              shape: { kind: 'groups', type: args.type ?? null },
              args,
              fetch: async (page) => {
                const all = await ctx.loaders.groups(adapter.accountId);
                const wanted = args.type ? all.filter((group) => group.type === args.type) : all;
                return arrayPages(wanted)(page);
              },
              maxPageSize: ctx.limits.maxSize,
            },
            copy,
          ),
      },
      GroupConnection,
    ),
    locations: t.connection(
      {
        type: LocationRef,
        resolve: (adapter, args, ctx: HrContext) =>
          resolveConnection(
            ctx,
            {
              accountId: adapter.accountId,
              shape: { kind: 'locations' },
              args,
              fetch: async (page) =>
                arrayPages(await ctx.loaders.locations(adapter.accountId))(page),
              maxPageSize: ctx.limits.maxSize,
            },
            copy,
          ),
      },
      LocationConnection,
    ),
  }),
});
