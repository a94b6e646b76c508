/** Who a person is: names, contact details, birth date. Faker supplies the human-looking parts. */
import type { Faker } from '@faker-js/faker';
import { homeAddress, phoneNumber } from './addresses.js';
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
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export type IdentityFactory = (location: Location, intern: boolean) => Identity;

/**
 * One factory per company: it owns the set of work emails handed out so far, which is how
 * duplicates of a common name get a number (`john.smith2@…`). Letters-only stems make the
 * numbered form impossible to collide with another person's plain address.
 */
export function createIdentityFactory(faker: Faker, domain: string): IdentityFactory {
  const emailCounts = new Map<string, number>();
  const defs = faker.definitions.person;
  const lastNames = defs.last_name.generic ?? [];

  function uniqueLocalPart(first: string, last: string): string {
    const stem = `${slug(first) || 'person'}.${slug(last) || 'person'}`;
    const seen = emailCounts.get(stem) ?? 0;
    emailCounts.set(stem, seen + 1);
    return seen === 0 ? stem : `${stem}${seen + 1}`;
  }

  return function identity(location, intern) {
    const gender =
      GENDERS[
        faker.helpers.weightedArrayElement([
          { weight: 48, value: 0 },
          { weight: 48, value: 1 },
          { weight: 2, value: 2 },
          { weight: 2, value: 3 },
        ])
      ] ?? null;
    const sex = gender === 'Female' ? 'female' : gender === 'Male' ? 'male' : undefined;
    const firstName = faker.person.firstName(sex);
    const lastName = faker.helpers.arrayElement(lastNames);
    const percent = () => faker.number.int(99);
    const local = uniqueLocalPart(firstName, lastName);
    const handle = `${slug(firstName)}${slug(lastName)}`;
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
          ? `https://www.linkedin.com/in/${slug(firstName)}-${slug(lastName)}-${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`
          : null,
      address: homeAddress(faker, location),
      ageAtHire: intern
        ? faker.number.int({ min: 19, max: 24 })
        : faker.number.int({ min: 21, max: 58 }),
    };
  };
}
