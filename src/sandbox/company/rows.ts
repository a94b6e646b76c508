/**
 * Turns career and pay steps (day numbers, indexes) into the contract's history rows (ISO dates,
 * ids). Row ids come from counters shared by the whole company, so each table's ids are unique
 * and rise with person id, as they do in a real HR database.
 */
import type { PayStep } from './compensation.js';
import type { Career } from './history.js';
import type { Org } from './org.js';
import type { Rng } from './random.js';
import type { CompensationRow, IsoDate, JobRow, Location, StatusRow } from './types.js';

const VOLUNTARY = [
  'Resignation',
  'Better Opportunity',
  'Relocation',
  'Career Change',
  'Retirement',
  'Return to School',
];
const INVOLUNTARY = [
  'Performance',
  'Restructuring',
  'Position Eliminated',
  'Attendance',
  'Misconduct',
];

function terminationRow(rng: Rng, id: number, effectiveDate: IsoDate): StatusRow {
  const roll = rng.next();
  if (roll >= 0.99) {
    return {
      id,
      effectiveDate,
      status: 'Terminated',
      terminationType: 'Death',
      terminationReason: 'Death',
      rehireEligible: 'No',
      comment: null,
    };
  }
  const voluntary = roll < 0.7;
  const eligible = voluntary ? rng.chance(0.9) : rng.chance(0.4);
  return {
    id,
    effectiveDate,
    status: 'Terminated',
    terminationType: voluntary ? 'Voluntary' : 'Involuntary',
    terminationReason: rng.pick(voluntary ? VOLUNTARY : INVOLUNTARY),
    rehireEligible: eligible
      ? voluntary
        ? 'Yes'
        : 'Upon review'
      : voluntary
        ? 'Upon review'
        : 'No',
    comment: rng.chance(0.3) ? 'Exit interview completed' : null,
  };
}

export interface RowFactory {
  jobRows(career: Career, location: Location): JobRow[];
  statusRows(career: Career): StatusRow[];
  payRows(pay: readonly PayStep[], currency: string): CompensationRow[];
}

export function createRowFactory(
  org: Org,
  rng: Rng,
  formatDay: (day: number) => IsoDate,
): RowFactory {
  let jobId = 0;
  let statusId = 0;
  let payId = 0;
  return {
    jobRows: function jobRows(career, location) {
      return career.jobs.map((job) => ({
        id: ++jobId,
        effectiveDate: formatDay(job.day),
        jobTitleId: org.ladders[job.department]?.[job.level] ?? 0,
        departmentId: job.department + 1,
        divisionId: org.departments[job.department]?.divisionId ?? 0,
        locationId: location.id,
        managerId: job.manager || null,
      }));
    },
    statusRows: function statusRows(career) {
      return career.statuses.map((step) =>
        step.status === 'Terminated'
          ? terminationRow(rng, ++statusId, formatDay(step.day))
          : {
              id: ++statusId,
              effectiveDate: formatDay(step.day),
              status: step.status,
              terminationType: null,
              terminationReason: null,
              rehireEligible: null,
              comment: null,
            },
      );
    },
    payRows: function payRows(pay, currency) {
      return pay.map((step) => ({
        id: ++payId,
        effectiveDate: formatDay(step.day),
        amount: step.amount,
        currency,
        payType: step.payType,
        paidPer: step.paidPer,
        payFrequency: step.payFrequency,
        reason: step.reason,
        comment: step.reason === 'Promotion' ? 'Promotion approved by leadership' : null,
        exempt: step.exempt,
      }));
    },
  };
}
