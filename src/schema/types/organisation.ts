/** Company, Group and Location: the organisation's own records. */
import { AddressRef, CompanyRef, GroupRef, LocationRef } from '../refs.js';
import { GroupTypeEnum } from './enums.js';
import { groupOf } from './lookups.js';

CompanyRef.implement({
  description: 'The company behind a connected account.',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    legalName: t.exposeString('legalName'),
    displayName: t.exposeString('displayName'),
    address: t.expose('address', { type: AddressRef }),
    phone: t.exposeString('phone'),
    remoteData: t.field({
      type: 'JSON',
      description: 'The raw provider record.',
      resolve: (company) => company.raw,
    }),
  }),
});

GroupRef.implement({
  description: 'A department, division, team, cost centre or other grouping of employees.',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    type: t.field({ type: GroupTypeEnum, nullable: false, resolve: (group) => group.type }),
    parent: t.field({
      type: GroupRef,
      resolve: (group, _args, ctx) => groupOf(ctx, group.accountId, group.parent),
    }),
    remoteData: t.field({
      type: 'JSON',
      description: 'The raw provider record.',
      resolve: (group) => group.raw,
    }),
  }),
});

LocationRef.implement({
  description: 'A place people work from.',
  fields: (t) => ({
    remoteId: t.exposeID('remoteId', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    address: t.expose('address', { type: AddressRef }),
    timezone: t.field({ type: 'TimeZone', resolve: (location) => location.timezone }),
    remoteData: t.field({
      type: 'JSON',
      description: 'The raw provider record.',
      resolve: (location) => location.raw,
    }),
  }),
});
