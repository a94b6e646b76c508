/** Job, pay and status history rows of an employee. */
import {
  CompensationRef,
  EmployeeRef,
  EmploymentRef,
  GroupRef,
  LocationRef,
  MoneyRef,
  StatusChangeRef,
} from '../refs.js';
import {
  EmploymentRelationshipEnum,
  EmploymentScheduleEnum,
  EmploymentStatusEnum,
  FlsaStatusEnum,
  PayFrequencyEnum,
  PayPeriodEnum,
  PayTypeEnum,
} from './enums.js';
import { employeeOf, groupOf, locationOf } from './lookups.js';

const rawDescription = 'The raw provider row.';

EmploymentRef.implement({
  description: 'One row of job history: what the job was from its effective date on.',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    employee: t.field({
      type: EmployeeRef,
      nullable: false,
      resolve: (row, _args, ctx) =>
        ctx.loaders.row({ accountId: row.accountId, remoteId: row.employee }),
    }),
    effectiveDate: t.field({ type: 'Date', resolve: (row) => row.effectiveDate }),
    jobTitle: t.exposeString('jobTitle'),
    department: t.field({
      type: GroupRef,
      resolve: (row, _args, ctx) => groupOf(ctx, row.accountId, row.department),
    }),
    division: t.field({
      type: GroupRef,
      resolve: (row, _args, ctx) => groupOf(ctx, row.accountId, row.division),
    }),
    location: t.field({
      type: LocationRef,
      resolve: (row, _args, ctx) => locationOf(ctx, row.accountId, row.location),
    }),
    manager: t.field({
      type: EmployeeRef,
      resolve: (row, _args, ctx) => employeeOf(ctx, row.accountId, row.manager),
    }),
    remoteData: t.field({ type: 'JSON', description: rawDescription, resolve: (row) => row.raw }),
  }),
});

CompensationRef.implement({
  description: 'One row of pay history.',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    employee: t.field({
      type: EmployeeRef,
      nullable: false,
      resolve: (row, _args, ctx) =>
        ctx.loaders.row({ accountId: row.accountId, remoteId: row.employee }),
    }),
    effectiveDate: t.field({ type: 'Date', resolve: (row) => row.effectiveDate }),
    pay: t.field({
      type: MoneyRef,
      description: 'Pay per `payPeriod`.',
      resolve: (row) => row.pay,
    }),
    payPeriod: t.field({ type: PayPeriodEnum, resolve: (row) => row.payPeriod?.value ?? null }),
    payPeriodRaw: t.string({ resolve: (row) => row.payPeriod?.raw ?? null }),
    payFrequency: t.field({
      type: PayFrequencyEnum,
      resolve: (row) => row.payFrequency?.value ?? null,
    }),
    payFrequencyRaw: t.string({ resolve: (row) => row.payFrequency?.raw ?? null }),
    payType: t.field({ type: PayTypeEnum, resolve: (row) => row.payType?.value ?? null }),
    payTypeRaw: t.string({ resolve: (row) => row.payType?.raw ?? null }),
    flsaStatus: t.field({ type: FlsaStatusEnum, resolve: (row) => row.flsaStatus?.value ?? null }),
    flsaStatusRaw: t.string({ resolve: (row) => row.flsaStatus?.raw ?? null }),
    reason: t.exposeString('reason', { description: 'Why the pay changed.' }),
    remoteData: t.field({ type: 'JSON', description: rawDescription, resolve: (row) => row.raw }),
  }),
});

StatusChangeRef.implement({
  description: 'One row of employment-status history (hired, changed schedule, terminated, …).',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    employee: t.field({
      type: EmployeeRef,
      nullable: false,
      resolve: (row, _args, ctx) =>
        ctx.loaders.row({ accountId: row.accountId, remoteId: row.employee }),
    }),
    effectiveDate: t.field({ type: 'Date', resolve: (row) => row.effectiveDate }),
    employmentStatus: t.field({
      type: EmploymentStatusEnum,
      nullable: false,
      resolve: (row) => row.status.value,
    }),
    employmentStatusRaw: t.string({ nullable: false, resolve: (row) => row.status.raw }),
    employmentRelationship: t.field({
      type: EmploymentRelationshipEnum,
      resolve: (row) => row.relationship?.value ?? null,
    }),
    employmentRelationshipRaw: t.string({ resolve: (row) => row.relationship?.raw ?? null }),
    employmentSchedule: t.field({
      type: EmploymentScheduleEnum,
      resolve: (row) => row.schedule?.value ?? null,
    }),
    employmentScheduleRaw: t.string({ resolve: (row) => row.schedule?.raw ?? null }),
    terminationReason: t.exposeString('terminationReason'),
    remoteData: t.field({ type: 'JSON', description: rawDescription, resolve: (row) => row.raw }),
  }),
});
