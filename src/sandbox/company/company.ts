/** `createCompany`: one seed, one company, byte for byte. */
import { en, Faker } from '@faker-js/faker';
import { timeOffBalance } from './balance.js';
import { buildCustomFields, customValue, type ValueWords } from './custom-fields.js';
import { createDateFormatter, parseIsoDate } from './dates.js';
import { resolveOptions } from './options.js';
import { buildOrg } from './org.js';
import { createPersonBuilder } from './person-builder.js';
import { hash32, rngFor, Stream } from './random.js';
import { buildStructure } from './structure.js';
import { TIME_OFF_TYPES } from './time-off-types.js';
import type { CompanyOptions, IsoDate, Person, SyntheticCompany } from './types.js';

/** The last row effective on or before `today`, or the first row when all lie ahead. */
function currentRow<T extends { readonly effectiveDate: IsoDate }>(
  rows: readonly T[],
  today: IsoDate,
): T {
  let found = rows[0];
  for (const row of rows) if (row.effectiveDate <= today) found = row;
  if (found === undefined) throw new RangeError('person has no history rows');
  return found;
}

function titleCase(domain: string): string {
  return domain
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(' ');
}

export function createCompany(options: CompanyOptions = {}): SyntheticCompany {
  const { seed, size, customFieldCount, today, todayDay, domain } = resolveOptions(options);
  const faker = new Faker({ locale: [en] });
  // Folding the seed through hash32 keeps seeds above 2^32 distinct for faker too.
  faker.seed(hash32(seed));
  const org = buildOrg(rngFor(seed, Stream.org));
  const structure = buildStructure(size, org, rngFor(seed, Stream.structure), todayDay);
  const buildPerson = createPersonBuilder({
    faker,
    org,
    structure,
    domain,
    todayDay,
    formatDay: createDateFormatter(todayDay),
    rngs: {
      history: rngFor(seed, Stream.history),
      timeOff: rngFor(seed, Stream.timeOff),
      stamps: rngFor(seed, Stream.stamps),
    },
  });
  const people: Person[] = [];
  for (let id = 1; id <= size; id++) people.push(buildPerson(id));

  const customFields = buildCustomFields(customFieldCount);
  const words: ValueWords = {
    firstNames: faker.definitions.person.first_name.generic ?? ['Alex'],
    lastNames: faker.definitions.person.last_name.generic ?? ['Smith'],
    adjectives: faker.definitions.word.adjective,
    nouns: faker.definitions.word.noun,
  };
  const hq = org.locations[0];
  if (!hq) throw new RangeError('company has no locations');
  const displayName = titleCase(domain);

  return {
    seed,
    domain,
    legalName: `${displayName}, Inc.`,
    displayName,
    address: {
      line1: hq.line1,
      line2: null,
      city: hq.city,
      state: hq.state,
      zip: hq.zip,
      country: hq.country,
    },
    phone: '+1 415 555 0100',
    today,
    divisions: org.divisions,
    departments: org.departments,
    locations: org.locations,
    jobTitles: org.jobTitles,
    timeOffTypes: TIME_OFF_TYPES,
    customFields,
    people,
    person: function person(id) {
      return Number.isInteger(id) ? people[id - 1] : undefined;
    },
    currentJob: function currentJob(p) {
      return currentRow(p.jobHistory, today);
    },
    currentStatus: function currentStatus(p) {
      return currentRow(p.statusHistory, today);
    },
    currentCompensation: function currentCompensation(p) {
      return currentRow(p.compensationHistory, today);
    },
    customValue: function value(p, field) {
      return customValue(seed, todayDay, words, p, field);
    },
    timeOffBalance: function balance(p, type, asOf = today) {
      if (typeof asOf !== 'string' || parseIsoDate(asOf) === null) {
        throw new RangeError(
          `timeOffBalance: asOf must be a calendar date YYYY-MM-DD, got ${String(asOf)}`,
        );
      }
      return timeOffBalance(p, type, asOf);
    },
  };
}
