/** Who a person is: names, contact details, birth date. Faker supplies the human-looking parts. */
import type { Faker } from '@faker-js/faker';
import { addressWords, homeAddress, phoneNumber } from './addresses.js';
import { flat } from './strings.js';
import type { Address, Location, Person } from './types.js';

export type Identity = Pick<
  Person,
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'preferredName'
  | 'gender'
  | 'maritalStatus'
  | 'workEmail'
  | 'homeEmail'
  | 'workPhone'
  | 'workPhoneExtension'
  | 'mobilePhone'
  | 'homePhone'
  | 'linkedinUrl'
> & { readonly address: Address; readonly ageAtHire: number };

const GENDERS = ['Female', 'Male', 'Nonbinary', null] as const;
const MARITAL = ['Single', 'Married', 'Domestic Partnership', 'Divorced', null] as const;
const HOME_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** Lowercase ASCII letters only, so an email local part is always safe. */
function slug(name: string): string {
  const lower = name.toLowerCase();
  // NFKD folds accents to ASCII letters, but it is slow, and faker's English names rarely need it.
  const ascii = /^[\x20-\x7e]*$/.test(lower) ? lower : lower.normalize('NFKD');
  return ascii.replace(/[^a-z]/g, '');
}

type Sex = 'female' | 'male' | 'generic';

function namesBySex(names: {
  readonly generic?: readonly string[];
  readonly female?: readonly string[];
  readonly male?: readonly string[];
}): Record<Sex, readonly string[]> {
  const female = [...(names.female ?? names.generic ?? ['Alex'])];
  const male = [...(names.male ?? names.generic ?? ['Alex'])];
  return { female, male, generic: [...(names.generic ?? [...female, ...male])] };
}

/** True `percent` times in a hundred. */
function chance(faker: Faker, percent: number): boolean {
  return faker.number.int(99) < percent;
}

export type IdentityFactory = (location: Location, intern: boolean) => Identity;

/**
 * One factory per company: it owns the set of work emails handed out so far, which is how
 * duplicates of a common name get a number (`john.smith2@…`). Letters-only stems make the
 * numbered form impossible to collide with another person's plain address.
 */
export function createIdentityFactory(faker: Faker, domain: string): IdentityFactory {
  const emailCounts = new Map<string, Map<string, number>>();
  // Faker's own lists, read once (faker.definitions is a Proxy) and picked from with the seeded
  // faker: several times faster than faker.person.firstName() at 100,000 people.
  const { first_name: first, middle_name: middle, last_name: last } = faker.definitions.person;
  const lastNames = [...(last.generic ?? ['Smith'])];
  const firstNames = namesBySex(first);
  const middleNames = namesBySex(middle);
  const words = addressWords(faker);
  const slugs = new Map<string, string>();
  function cachedSlug(name: string): string {
    let value = slugs.get(name);
    if (value === undefined) {
      value = slug(name);
      slugs.set(name, value);
    }
    return value;
  }

  function uniqueLocalPart(first: string, last: string): string {
    const a = cachedSlug(first) || 'person';
    const b = cachedSlug(last) || 'person';
    // Keyed by the two cached slugs, so no throwaway `a.b` string is hashed per person.
    let byLast = emailCounts.get(a);
    if (byLast === undefined) {
      byLast = new Map();
      emailCounts.set(a, byLast);
    }
    const seen = byLast.get(b) ?? 0;
    byLast.set(b, seen + 1);
    return seen === 0 ? `${a}.${b}` : `${a}.${b}${seen + 1}`;
  }

  return function identity(location, intern) {
    const genderRoll = faker.number.int(99);
    const gender =
      GENDERS[genderRoll < 48 ? 0 : genderRoll < 96 ? 1 : genderRoll < 98 ? 2 : 3] ?? null;
    const sex = gender === 'Female' ? 'female' : gender === 'Male' ? 'male' : 'generic';
    const firstName = faker.helpers.arrayElement(firstNames[sex]);
    const lastName = faker.helpers.arrayElement(lastNames);
    const local = uniqueLocalPart(firstName, lastName);
    const handle = `${cachedSlug(firstName)}${cachedSlug(lastName)}`;
    const workPhone = chance(faker, 70) ? phoneNumber(faker, location, false) : null;
    return {
      firstName,
      middleName: chance(faker, 40) ? faker.helpers.arrayElement(middleNames[sex]) : null,
      lastName,
      preferredName: chance(faker, 8) ? faker.helpers.arrayElement(firstNames[sex]) : null,
      gender,
      maritalStatus: MARITAL[faker.number.int(MARITAL.length - 1)] ?? null,
      workEmail: flat(`${local}@${domain}.example`),
      homeEmail: chance(faker, 80)
        ? flat(`${handle}${faker.number.int(99)}@${faker.helpers.arrayElement(HOME_DOMAINS)}`)
        : null,
      workPhone,
      workPhoneExtension:
        workPhone && chance(faker, 30) ? String(faker.number.int({ min: 100, max: 9999 })) : null,
      mobilePhone: chance(faker, 85) ? phoneNumber(faker, location, true) : null,
      homePhone: chance(faker, 15) ? phoneNumber(faker, location, false) : null,
      linkedinUrl: chance(faker, 30)
        ? flat(
            `https://www.linkedin.com/in/${cachedSlug(firstName)}-${cachedSlug(lastName)}-${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`,
          )
        : null,
      address: homeAddress(faker, words, location),
      ageAtHire: intern
        ? faker.number.int({ min: 19, max: 24 })
        : faker.number.int({ min: 21, max: 58 }),
    };
  };
}
