/** Who a person is: names, contact details, birth date. Faker supplies the human-looking parts. */
import type { Faker } from '@faker-js/faker';
import { addressWords, homeAddress, phoneNumber } from './addresses.js';
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

export type IdentityFactory = (location: Location, intern: boolean) => Identity;

/**
 * One factory per company: it owns the set of work emails handed out so far, which is how
 * duplicates of a common name get a number (`john.smith2@…`). Letters-only stems make the
 * numbered form impossible to collide with another person's plain address.
 */
export function createIdentityFactory(faker: Faker, domain: string): IdentityFactory {
  const emailCounts = new Map<string, number>();
  const lastNames = [...(faker.definitions.person.last_name.generic ?? ['Smith'])];
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
    const stem = `${cachedSlug(first) || 'person'}.${cachedSlug(last) || 'person'}`;
    const seen = emailCounts.get(stem) ?? 0;
    emailCounts.set(stem, seen + 1);
    return seen === 0 ? stem : `${stem}${seen + 1}`;
  }

  return function identity(location, intern) {
    const genderRoll = faker.number.int(99);
    const gender =
      GENDERS[genderRoll < 48 ? 0 : genderRoll < 96 ? 1 : genderRoll < 98 ? 2 : 3] ?? null;
    const sex = gender === 'Female' ? 'female' : gender === 'Male' ? 'male' : undefined;
    const firstName = faker.person.firstName(sex);
    const lastName = faker.helpers.arrayElement(lastNames);
    const percent = () => faker.number.int(99);
    const local = uniqueLocalPart(firstName, lastName);
    const handle = `${cachedSlug(firstName)}${cachedSlug(lastName)}`;
    const workPhone = percent() < 70 ? phoneNumber(faker, location, false) : null;
    return {
      firstName,
      middleName: percent() < 40 ? faker.person.middleName(sex) : null,
      lastName,
      preferredName: percent() < 8 ? faker.person.firstName(sex) : null,
      gender,
      maritalStatus: MARITAL[faker.number.int(MARITAL.length - 1)] ?? null,
      workEmail: `${local}@${domain}.example`,
      homeEmail:
        percent() < 80
          ? `${handle}${faker.number.int(99)}@${faker.helpers.arrayElement(HOME_DOMAINS)}`
          : null,
      workPhone,
      workPhoneExtension:
        workPhone && percent() < 30 ? String(faker.number.int({ min: 100, max: 9999 })) : null,
      mobilePhone: percent() < 85 ? phoneNumber(faker, location, true) : null,
      homePhone: percent() < 15 ? phoneNumber(faker, location, false) : null,
      linkedinUrl:
        percent() < 30
          ? `https://www.linkedin.com/in/${cachedSlug(firstName)}-${cachedSlug(lastName)}-${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`
          : null,
      address: homeAddress(faker, words, location),
      ageAtHire: intern
        ? faker.number.int({ min: 19, max: 24 })
        : faker.number.int({ min: 21, max: 58 }),
    };
  };
}
