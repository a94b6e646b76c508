/**
 * Home addresses and phone numbers that look right for the person's country. Phone numbers use
 * the ranges regulators reserve for fiction where one exists (US/CA 555-01xx, UK Ofcom drama
 * numbers, French ARCEP 01 99 00), so no generated number rings a real line.
 */
import type { Faker } from '@faker-js/faker';
import { flat, flatOrNull } from './strings.js';
import type { Address, Location } from './types.js';

const AREA_CODES: Readonly<Record<string, string>> = {
  'San Francisco': '415',
  'New York': '212',
  Austin: '512',
  Denver: '303',
  Toronto: '416',
  Vancouver: '604',
};
const US_AREA_CODES = ['202', '206', '312', '404', '503', '617', '702', '720', '919'];
const UK_STREETS = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Gardens', 'Crescent'];

function digits(faker: Faker, count: number): string {
  // number.int is ~30x faster than string.numeric, which matters at 100,000 people.
  return String(faker.number.int(10 ** count - 1)).padStart(count, '0');
}

function pick(faker: Faker, items: readonly string[]): string {
  return faker.helpers.arrayElement(items);
}

/**
 * Faker's word lists, read once: `faker.definitions` is a Proxy, and going through it for every
 * person costs more than the rest of the address.
 */
export interface AddressWords {
  readonly surnames: readonly string[];
  readonly streetSuffixes: readonly string[];
  readonly cities: readonly string[];
  readonly states: readonly string[];
}

export function addressWords(faker: Faker): AddressWords {
  const { person, location } = faker.definitions;
  return {
    surnames: [...(person.last_name.generic ?? ['Main'])],
    streetSuffixes: [...location.street_suffix],
    cities: [...location.city_name],
    states: [...location.state_abbr],
  };
}

function address(
  line1: string,
  line2: string | null,
  city: string,
  state: string | null,
  zip: string,
  country: string,
): Address {
  return { line1: flat(line1), line2: flatOrNull(line2), city, state, zip: flat(zip), country };
}

export function homeAddress(faker: Faker, words: AddressWords, location: Location): Address {
  const surname = pick(faker, words.surnames);
  const number = faker.number.int({ min: 1, max: 999 });
  const { city, state, zip, country } = location;
  switch (country) {
    case 'US': {
      const line1 = `${faker.number.int({ min: 10, max: 9999 })} ${surname} ${pick(faker, words.streetSuffixes)}`;
      const line2 =
        faker.number.int(99) < 15 ? `Apt ${faker.number.int({ min: 1, max: 40 })}` : null;
      if (!location.remote)
        return address(line1, line2, city, state, `${zip.slice(0, 3)}${digits(faker, 2)}`, country);
      return address(
        line1,
        line2,
        pick(faker, words.cities),
        pick(faker, words.states),
        digits(faker, 5),
        country,
      );
    }
    case 'CA': {
      const street = pick(faker, ['Street', 'Avenue', 'Road', 'Drive']);
      return address(
        `${number} ${surname} ${street}`,
        null,
        city,
        state,
        faker.helpers.replaceSymbols(`${zip[0]}#? #?#`),
        country,
      );
    }
    case 'GB': {
      const line2 =
        faker.number.int(99) < 20 ? `Flat ${faker.number.int({ min: 1, max: 30 })}` : null;
      const line1 = `${number} ${surname} ${pick(faker, UK_STREETS)}`;
      return address(
        line1,
        line2,
        city,
        null,
        faker.helpers.replaceSymbols(`${zip.slice(0, 1)}?# #??`),
        country,
      );
    }
    case 'DE':
      return address(
        `${surname}straße ${number}`,
        null,
        city,
        null,
        `1${digits(faker, 4)}`,
        country,
      );
    case 'NL':
      return address(
        `${surname}straat ${number}`,
        null,
        city,
        null,
        faker.helpers.replaceSymbols('10## ??'),
        country,
      );
    case 'FR': {
      const arrondissement = String(faker.number.int({ min: 1, max: 20 })).padStart(2, '0');
      return address(`${number} rue ${surname}`, null, city, null, `750${arrondissement}`, country);
    }
    default:
      return address(
        `${number} ${surname} Road`,
        null,
        city,
        state,
        faker.helpers.replaceSymbols(`${zip.slice(0, 1)}## ?###`),
        country,
      );
  }
}

/** A landline (`mobile` false) or mobile number in the location's country. */
export function phoneNumber(faker: Faker, location: Location, mobile: boolean): string {
  return flat(rawPhoneNumber(faker, location, mobile));
}

function rawPhoneNumber(faker: Faker, location: Location, mobile: boolean): string {
  switch (location.country) {
    case 'US':
    case 'CA': {
      const area = location.remote
        ? pick(faker, US_AREA_CODES)
        : (AREA_CODES[location.city] ?? pick(faker, US_AREA_CODES));
      return `+1 ${area} 555 01${digits(faker, 2)}`;
    }
    case 'GB':
      if (mobile) return `+44 7700 900${digits(faker, 3)}`;
      return location.city === 'Manchester'
        ? `+44 161 496 0${digits(faker, 3)}`
        : `+44 20 7946 0${digits(faker, 3)}`;
    case 'FR':
      return mobile
        ? `+33 6 39 98 ${digits(faker, 2)} ${digits(faker, 2)}`
        : `+33 1 99 00 ${digits(faker, 2)} ${digits(faker, 2)}`;
    case 'DE':
      return mobile ? `+49 151 ${digits(faker, 8)}` : `+49 30 ${digits(faker, 8)}`;
    case 'NL':
      return mobile ? `+31 6 ${digits(faker, 8)}` : `+31 20 ${digits(faker, 7)}`;
    case 'IE':
      return mobile ? `+353 87 ${digits(faker, 7)}` : `+353 1 ${digits(faker, 7)}`;
    default:
      return `+1 555 01${digits(faker, 2)}`;
  }
}
