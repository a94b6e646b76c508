/** Assembles one Person from the structure, their career, pay, time off and identity. */
import type { Faker } from '@faker-js/faker';
import { buildPay } from './compensation.js';
import { NO_DAY } from './dates.js';
import { buildCareer, type StatusStep } from './history.js';
import type { Org } from './org.js';
import { createIdentityFactory } from './people.js';
import type { Rng } from './random.js';
import { createRowFactory } from './rows.js';
import { recordStamps } from './stamps.js';
import type { Structure } from './structure.js';
import { buildRequests, createSpanCache } from './time-off.js';
import type { IsoDate, Location, Person } from './types.js';

export interface PersonBuilderOptions {
  readonly faker: Faker;
  readonly org: Org;
  readonly structure: Structure;
  readonly domain: string;
  readonly todayDay: number;
  readonly formatDay: (day: number) => IsoDate;
  readonly rngs: { readonly history: Rng; readonly timeOff: Rng; readonly stamps: Rng };
}

export function createPersonBuilder(options: PersonBuilderOptions): (id: number) => Person {
  const { faker, org, structure, todayDay, formatDay, rngs } = options;
  const identity = createIdentityFactory(faker, options.domain);
  const rows = createRowFactory(org, rngs.history, formatDay);
  let requestId = 0;
  const nextRequestId = () => ++requestId;
  const hq = org.locations[0] as Location;
  const spans = createSpanCache(formatDay);

  return function buildPerson(id) {
    const k = id - 1;
    const hireDay = structure.hireDay[k] ?? 0;
    const terminationDay = structure.terminationDay[k] ?? NO_DAY;
    const terminated = terminationDay !== NO_DAY;
    const end = terminated ? terminationDay : todayDay;
    const location = org.locations[structure.location[k] ?? 0] ?? hq;
    const career = buildCareer(rngs.history, org, structure, id, todayDay);
    const starting = (career.statuses[0] as StatusStep).status;
    const working = career.statuses.filter((s) => s.status !== 'Terminated').at(-1) as StatusStep;
    const who = identity(location, starting === 'Intern');

    const pay = buildPay(rngs.history, org, career, {
      id,
      currency: location.currency,
      country: location.country,
      end,
      todayDay,
    });
    const jobHistory = rows.jobRows(career, location);
    const statusHistory = rows.statusRows(career);
    const compensationHistory = rows.payRows(pay, location.currency);
    const [timeOffRequests, lastRequestChange] =
      working.status === 'Contractor'
        ? [[], NO_DAY]
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
      terminationDate: terminated ? formatDay(terminationDay) : null,
      status: terminated ? 'Inactive' : 'Active',
      jobHistory,
      statusHistory,
      compensationHistory,
      timeOffRequests,
      created,
      lastChanged,
    };
  };
}
