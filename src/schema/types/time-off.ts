/** Time-off requests and balances. */
import { EmployeeRef, TimeOffBalanceRef, TimeOffRef, TimeOffTypeRef } from '../refs.js';
import { TimeOffPolicyTypeEnum, TimeOffStatusEnum, TimeOffUnitEnum } from './enums.js';

TimeOffRef.implement({
  description: 'A request for time off.',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    employee: t.field({
      type: EmployeeRef,
      nullable: false,
      resolve: (request, _args, ctx) =>
        ctx.loaders.row({ accountId: request.accountId, remoteId: request.employee }),
    }),
    status: t.field({
      type: TimeOffStatusEnum,
      nullable: false,
      resolve: (request) => request.status.value,
    }),
    statusRaw: t.string({ nullable: false, resolve: (request) => request.status.raw }),
    type: t.field({ type: TimeOffTypeRef, nullable: false, resolve: (request) => request.type }),
    startDate: t.field({ type: 'Date', nullable: false, resolve: (request) => request.startDate }),
    endDate: t.field({ type: 'Date', nullable: false, resolve: (request) => request.endDate }),
    amount: t.exposeFloat('amount', { nullable: false, description: 'In `unit`.' }),
    unit: t.field({ type: TimeOffUnitEnum, nullable: false, resolve: (request) => request.unit }),
    employeeNote: t.exposeString('employeeNote'),
    // A Date, not a DateTime: BambooHR (the one provider of requests) sends `created` as
    // YYYY-MM-DD in the company's time zone, with no time. Midnight UTC would invent an instant
    // (and shift the day for companies east or west of UTC), so the day is passed on as sent.
    createdDate: t.field({
      type: 'Date',
      description:
        "The day the request was made, as the provider sent it (in the company's time zone, where the provider gives no time of day).",
      resolve: (request) => request.createdAt,
    }),
    remoteData: t.field({
      type: 'JSON',
      description: 'The raw provider record.',
      resolve: (request) => request.raw,
    }),
  }),
});

TimeOffBalanceRef.implement({
  description:
    'How much time off of one type an employee has, as of a date. Kept in the unit the ' +
    'provider reports (no lossy conversion of days to hours).',
  fields: (t) => ({
    employee: t.field({
      type: EmployeeRef,
      nullable: false,
      resolve: (balance, _args, ctx) =>
        ctx.loaders.row({ accountId: balance.accountId, remoteId: balance.employee }),
    }),
    type: t.field({ type: TimeOffTypeRef, nullable: false, resolve: (balance) => balance.type }),
    balance: t.exposeFloat('balance', { nullable: false, description: 'Available, in `unit`.' }),
    used: t.exposeFloat('used', {
      nullable: true,
      description: 'Used, in `unit`; null where the provider reports only the balance.',
    }),
    unit: t.field({ type: TimeOffUnitEnum, nullable: false, resolve: (balance) => balance.unit }),
    policyType: t.field({
      type: TimeOffPolicyTypeEnum,
      resolve: (balance) => balance.policyType?.value ?? null,
    }),
    policyTypeRaw: t.string({ resolve: (balance) => balance.policyType?.raw ?? null }),
    asOf: t.field({ type: 'Date', resolve: (balance) => balance.asOf }),
    remoteData: t.field({
      type: 'JSON',
      description: 'The raw provider record.',
      resolve: (balance) => balance.raw,
    }),
  }),
});
