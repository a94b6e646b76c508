/**
 * Employee and its unified fields. The parent of every Employee field is a row (account +
 * provider id + the request store's record): a field the store holds resolves at once, and what
 * it lacks is asked of the loaders, which batch the demands of one tick into the fewest provider
 * calls.
 *
 * Not the dataloader plugin's `loadableObject`/`loadableNode`: those load whole objects by id,
 * while a row's fields may be in the store already (from the page that listed it) or not, and
 * what is missing differs per field and per selection; the loaders' demand batch is that cache.
 * `completeValue` (Pothos's own) keeps a stored value synchronous and a demanded one a Promise.
 */
import { completeValue, createContextCache } from '@pothos/core';
import type { EmployeeFields, Normalized } from '../../core/model.js';
import type { EmployeeRow, Maybe } from '../../loaders/types.js';
import { builder } from '../builder.js';
import type { HrContext } from '../context.js';
import { toGlobalId } from '../global-id.js';
import { AddressRef, EmployeeRef } from '../refs.js';
import {
  EmploymentRelationshipEnum,
  EmploymentScheduleEnum,
  EmploymentStatusEnum,
  GenderEnum,
  MaritalStatusEnum,
} from '../types/enums.js';
import { type DemandingEmployeeField, employeeFieldDemands } from './field-demands.js';

type FirstDemand<K extends DemandingEmployeeField> = (typeof employeeFieldDemands)[K][0];

/**
 * The resolver of a field whose value is one EmployeeField, looked up in the demand table. It
 * returns the stored value itself when the request's store holds it (the list or batch that
 * brought the row usually did), and a Promise only for what must still be read.
 */
export function loadFor<K extends DemandingEmployeeField>(name: K) {
  const field = employeeFieldDemands[name][0] as FirstDemand<K>;
  return function resolveEmployeeField(row: EmployeeRow, _args: object, ctx: HrContext) {
    return ctx.loaders.employeeField(row, field);
  };
}

type NormalizedName = {
  [K in DemandingEmployeeField]: NonNullable<
    EmployeeFields[FirstDemand<K>]
  > extends Normalized<string>
    ? K
    : never;
}[DemandingEmployeeField];
type ValueOf<K extends NormalizedName> =
  NonNullable<EmployeeFields[FirstDemand<K>]> extends Normalized<infer E> ? E : never;

/** The normalised value of an enum field, and the provider's raw value for its `…Raw` twin. */
function normalizedOf<K extends NormalizedName>(name: K) {
  const field = employeeFieldDemands[name][0] as FirstDemand<K>;
  return function resolveNormalizedValue(row: EmployeeRow, _args: object, ctx: HrContext) {
    return completeValue(
      ctx.loaders.employeeField(row, field) as Maybe<Normalized<ValueOf<K>> | null>,
      (normalized) => normalized?.value ?? null,
    );
  };
}

function rawOf<K extends NormalizedName>(name: K) {
  const field = employeeFieldDemands[name][0] as FirstDemand<K>;
  return function resolveRawValue(row: EmployeeRow, _args: object, ctx: HrContext) {
    return completeValue(
      ctx.loaders.employeeField(row, field) as Maybe<Normalized<string> | null>,
      (normalized) => normalized?.raw ?? null,
    );
  };
}

/** The row's global ID, computed once per stored employee in a request (it costs a hash). */
const globalIds = createContextCache(() => new WeakMap<object, string>());

function employeeId(row: EmployeeRow, _args: object, ctx: HrContext): string {
  const memo = row.entry ? globalIds(ctx) : null;
  const known = row.entry && memo?.get(row.entry);
  if (known) return known;
  const id = toGlobalId('Employee', { accountId: row.accountId, remoteId: row.remoteId });
  if (row.entry) memo?.set(row.entry, id);
  return id;
}

const raw = (what: string) => `The provider's own value of \`${what}\`.`;

EmployeeRef.implement({
  description: 'A person employed or engaged by the company of a connected account.',
  interfaces: [builder.nodeInterfaceRef()],
  fields: (t) => ({
    id: t.id({ nullable: false, resolve: employeeId }),
    remoteId: t.exposeID('remoteId', { nullable: false, description: "The provider's id." }),
    employeeNumber: t.string({ resolve: loadFor('employeeNumber') }),
    firstName: t.string({ resolve: loadFor('firstName') }),
    middleName: t.string({ resolve: loadFor('middleName') }),
    lastName: t.string({ resolve: loadFor('lastName') }),
    preferredName: t.string({ resolve: loadFor('preferredName') }),
    displayName: t.string({ resolve: loadFor('displayName') }),
    workEmail: t.field({ type: 'EmailAddress', resolve: loadFor('workEmail') }),
    personalEmail: t.field({ type: 'EmailAddress', resolve: loadFor('personalEmail') }),
    workPhone: t.string({ resolve: loadFor('workPhone') }),
    mobilePhone: t.string({ resolve: loadFor('mobilePhone') }),
    homePhone: t.string({ resolve: loadFor('homePhone') }),
    jobTitle: t.string({ resolve: loadFor('jobTitle') }),
    employmentStatus: t.field({
      type: EmploymentStatusEnum,
      resolve: normalizedOf('employmentStatus'),
    }),
    employmentStatusRaw: t.string({
      description: raw('employmentStatus'),
      resolve: rawOf('employmentStatusRaw'),
    }),
    employmentRelationship: t.field({
      type: EmploymentRelationshipEnum,
      resolve: normalizedOf('employmentRelationship'),
    }),
    employmentRelationshipRaw: t.string({
      description: raw('employmentRelationship'),
      resolve: rawOf('employmentRelationshipRaw'),
    }),
    employmentSchedule: t.field({
      type: EmploymentScheduleEnum,
      resolve: normalizedOf('employmentSchedule'),
    }),
    employmentScheduleRaw: t.string({
      description: raw('employmentSchedule'),
      resolve: rawOf('employmentScheduleRaw'),
    }),
    gender: t.field({ type: GenderEnum, resolve: normalizedOf('gender') }),
    genderRaw: t.string({ description: raw('gender'), resolve: rawOf('genderRaw') }),
    maritalStatus: t.field({ type: MaritalStatusEnum, resolve: normalizedOf('maritalStatus') }),
    maritalStatusRaw: t.string({
      description: raw('maritalStatus'),
      resolve: rawOf('maritalStatusRaw'),
    }),
    startDate: t.field({
      type: 'Date',
      description: 'Most recent start date.',
      resolve: loadFor('startDate'),
    }),
    hireDate: t.field({
      type: 'Date',
      description: 'Most recent hire date.',
      resolve: loadFor('hireDate'),
    }),
    terminationDate: t.field({ type: 'Date', resolve: loadFor('terminationDate') }),
    dateOfBirth: t.field({ type: 'Date', resolve: loadFor('dateOfBirth') }),
    homeAddress: t.field({ type: AddressRef, resolve: loadFor('homeAddress') }),
    avatarUrl: t.field({ type: 'URL', resolve: loadFor('avatarUrl') }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When the provider created the record.',
      resolve: loadFor('createdAt'),
    }),
    modifiedAt: t.field({
      type: 'DateTime',
      description: 'When the provider last changed the record.',
      resolve: loadFor('modifiedAt'),
    }),
  }),
});
