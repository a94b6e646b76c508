/**
 * Assembles one Person from the structure, their career, pay, time off and identity. Row ids come
 * from company-wide counters, so they are unique per table and rise with person id.
 */
import type { Faker } from '@faker-js/faker';
import { buildPay } from './compensation.js';
import { buildCareer, type StatusStep } from './history.js';
import type { Org } from './org.js';
import { createIdentityFactory } from './people.js';
import type { Rng } from './random.js';
import { recordStamps } from './stamps.js';
import type { Structure } from './structure.js';
import { buildRequests, createSpanCache } from './time-off.js';
import type { CompensationRow, IsoDate, JobRow, Person, StatusRow } from './types.js';

export interface PersonBuilderOptions {
  readonly faker: Faker;
  readonly org: Org;
  readonly structure: Structure;
  readonly domain: string;
  readonly todayDay: number;
  readonly formatDay: (day: number) => IsoDate;
  readonly rngs: { readonly history: Rng; readonly timeOff: Rng; readonly stamps: Rng };
}

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
  const type = roll < 0.7 ? 'Voluntary' : roll < 0.99 ? 'Involuntary' : 'Death';
  const reason =
    type === 'Voluntary'
      ? rng.pick(VOLUNTARY)
      : type === 'Involuntary'
        ? rng.pick(INVOLUNTARY)
        : 'Death';
  const rehireEligible =
    type === 'Voluntary'
      ? rng.chance(0.9)
        ? 'Yes'
        : 'Upon review'
      : type === 'Death'
        ? 'No'
        : rng.chance(0.6)
          ? 'No'
          : 'Upon review';
  return {
    id,
    effectiveDate,
    status: 'Terminated',
    terminationType: type,
    terminationReason: reason,
    rehireEligible,
    comment: rng.chance(0.3) ? 'Exit interview completed' : null,
  };
}

export function createPersonBuilder(options: PersonBuilderOptions): (id: number) => Person {
  const { faker, org, structure, todayDay, formatDay, rngs } = options;
  const identity = createIdentityFactory(faker, options.domain);
  const ids = { job: 0, status: 0, pay: 0, request: 0 };
  const nextRequestId = () => ++ids.request;
  const spans = createSpanCache(formatDay);

  return function buildPerson(id) {
    const k = id - 1;
    const hireDay = structure.hireDay[k] ?? 0;
    const terminationDay = structure.terminationDay[k] ?? -1;
    const end = terminationDay >= 0 ? terminationDay : todayDay;
    const location = org.locations[structure.location[k] ?? 0] ?? (org.locations[0] as never);
    const career = buildCareer(rngs.history, org, structure, id, todayDay);
    const starting = (career.statuses[0] as StatusStep).status;
    const working = career.statuses.filter((s) => s.status !== 'Terminated').at(-1) as StatusStep;
    const who = identity(location, starting === 'Intern');

    const jobHistory: JobRow[] = career.jobs.map((job) => ({
      id: ++ids.job,
      effectiveDate: formatDay(job.day),
      jobTitleId: org.ladders[job.department]?.[job.level] ?? 0,
      departmentId: job.department + 1,
      divisionId: org.departments[job.department]?.divisionId ?? 0,
      locationId: location.id,
      managerId: job.manager || null,
    }));
    const statusHistory: StatusRow[] = career.statuses.map((step) =>
      step.status === 'Terminated'
        ? terminationRow(rngs.history, ++ids.status, formatDay(step.day))
        : {
            id: ++ids.status,
            effectiveDate: formatDay(step.day),
            status: step.status,
            terminationType: null,
            terminationReason: null,
            rehireEligible: null,
            comment: null,
          },
    );
    const pay = buildPay(rngs.history, org, career, {
      id,
      currency: location.currency,
      country: location.country,
      end,
      todayDay,
    });
    const compensationHistory: CompensationRow[] = pay.map((step) => ({
      id: ++ids.pay,
      effectiveDate: formatDay(step.day),
      amount: step.amount,
      currency: location.currency,
      payType: step.payType,
      paidPer: step.paidPer,
      payFrequency: step.payFrequency,
      reason: step.reason,
      comment: step.reason === 'Promotion' ? 'Promotion approved by leadership' : null,
      exempt: step.exempt,
    }));
    const [timeOffRequests, lastRequestChange] =
      working.status === 'Contractor'
        ? [[], -1]
        : buildRequests(rngs.timeOff, {
            personId: id,
            hireDay,
            terminationDay,
            todayDay,
            hoursPerDay: working.status === 'Part-Time' ? 4 : 8,
            nextId: nextRequestId,
            formatDay,
            spans,
          });
    const lastEvent = Math.max(
      career.jobs.at(-1)?.day ?? hireDay,
      career.statuses.at(-1)?.day ?? hireDay,
      pay.at(-1)?.day ?? hireDay,
      lastRequestChange,
    );
    const [created, lastChanged] = recordStamps(
      rngs.stamps,
      formatDay,
      hireDay,
      lastEvent,
      todayDay,
    );
    const birthDay = hireDay - Math.floor(who.ageAtHire * 365.25) - rngs.stamps.int(0, 364);
    const rehired = id > 1 && rngs.stamps.chance(0.03);
    const hireDate = formatDay(hireDay);
    // Spelled out rather than spread: one allocation and one object shape for every person.
    return {
      id,
      employeeNumber: String(id).padStart(5, '0'),
      firstName: who.firstName,
      middleName: who.middleName,
      lastName: who.lastName,
      preferredName: who.preferredName,
      gender: who.gender,
      maritalStatus: who.maritalStatus,
      workEmail: who.workEmail,
      homeEmail: who.homeEmail,
      workPhone: who.workPhone,
      workPhoneExtension: who.workPhoneExtension,
      mobilePhone: who.mobilePhone,
      homePhone: who.homePhone,
      linkedinUrl: who.linkedinUrl,
      address: who.address,
      dateOfBirth: formatDay(birthDay),
      hireDate,
      originalHireDate: rehired ? formatDay(hireDay - rngs.stamps.int(400, 2000)) : hireDate,
      terminationDate: terminationDay >= 0 ? formatDay(terminationDay) : null,
      status: terminationDay >= 0 ? 'Inactive' : 'Active',
      jobHistory,
      statusHistory,
      compensationHistory,
      timeOffRequests,
      created,
      lastChanged,
    };
  };
}
