/** Employee fields backed by their own loaders: job, pay and status history, time off. */
import { builder } from '../builder.js';
import {
  CompensationRef,
  EmployeeRef,
  EmploymentRef,
  StatusChangeRef,
  TimeOffBalanceRef,
  TimeOffRef,
} from '../refs.js';
import { balanceDate, timeOffWindow } from './time-window.js';

const list = { list: true, items: false } as const;

builder.objectFields(EmployeeRef, (t) => ({
  employments: t.field({
    type: [EmploymentRef],
    nullable: list,
    description: 'Job history, in the order the provider keeps it.',
    resolve: (ref, _args, ctx) => ctx.loaders.employments(ref),
  }),
  compensations: t.field({
    type: [CompensationRef],
    nullable: list,
    description: 'Pay history.',
    resolve: (ref, _args, ctx) => ctx.loaders.compensations(ref),
  }),
  statusHistory: t.field({
    type: [StatusChangeRef],
    nullable: list,
    description: 'Employment-status history.',
    resolve: (ref, _args, ctx) => ctx.loaders.statusHistory(ref),
  }),
  timeOff: t.field({
    type: [TimeOffRef],
    nullable: list,
    description:
      'Time-off requests overlapping a date window. Without `start` and `end`: the current month; with one of them: the rest of its month.',
    args: { start: t.arg({ type: 'Date' }), end: t.arg({ type: 'Date' }) },
    resolve: (ref, args, ctx) =>
      ctx.loaders.timeOff(ref, timeOffWindow(args.start, args.end, ctx.now())),
  }),
  timeOffBalances: t.field({
    type: [TimeOffBalanceRef],
    nullable: list,
    description: 'Balances per time-off type, as of a date (default: today).',
    args: { asOf: t.arg({ type: 'Date' }) },
    resolve: (ref, args, ctx) => ctx.loaders.timeOffBalances(ref, balanceDate(args.asOf)),
  }),
}));
