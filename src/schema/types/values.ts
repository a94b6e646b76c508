/** Value types: no identity of their own, so no Node. */
import { AddressRef, MoneyRef, TimeOffTypeRef } from '../refs.js';

const isoCountry = /^[A-Z]{2}$/;

MoneyRef.implement({
  description: 'An amount of money. The amount is a decimal string so no precision is lost.',
  fields: (t) => ({
    amount: t.exposeString('amount', { nullable: false, description: 'Decimal, e.g. "83000.00".' }),
    currency: t.field({
      type: 'Currency',
      nullable: false,
      description: 'ISO 4217 code.',
      resolve: (money) => money.currency,
    }),
  }),
});

AddressRef.implement({
  fields: (t) => ({
    line1: t.exposeString('line1'),
    line2: t.exposeString('line2'),
    city: t.exposeString('city'),
    state: t.exposeString('state'),
    postalCode: t.exposeString('postalCode'),
    country: t.exposeString('country', {
      description: 'ISO 3166-1 alpha-2 where the provider value maps to one, else its own value.',
    }),
    countryCode: t.field({
      type: 'CountryCode',
      description: 'The country as ISO 3166-1 alpha-2, or null when it does not map to one.',
      resolve: (address) =>
        address.country && isoCountry.test(address.country) ? address.country : null,
    }),
  }),
});

TimeOffTypeRef.implement({
  description: 'A kind of time off as the provider defines it (vacation, sick, …).',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
  }),
});
