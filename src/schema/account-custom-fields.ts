/**
 * `Account.customFields`: the custom fields an account keeps, read from its provider's field
 * catalogue, so a client can find the names `Employee.customFields(names:)` takes instead of
 * guessing them.
 */
import type { CustomFieldDefinition } from '../core/contract/index.js';
import { builder } from './builder.js';
import { AccountRef } from './refs.js';

const CustomFieldDefinitionRef = builder.objectRef<CustomFieldDefinition>('CustomFieldDefinition');

CustomFieldDefinitionRef.implement({
  description: "A custom field an account keeps, as its provider's field catalogue describes it.",
  fields: (t) => ({
    name: t.exposeString('name', {
      nullable: false,
      description: 'What `Employee.customFields(names:)` takes for it.',
    }),
    key: t.exposeString('key', {
      nullable: false,
      description: "The provider's key for it: what `Employee.remoteData` keys its value by.",
    }),
    label: t.exposeString('label', {
      description: 'What the provider shows people it is called.',
    }),
    type: t.exposeString('type', {
      description: "The provider's type for it, as the provider spells it (`list`, `string`, …).",
    }),
  }),
});

builder.objectFields(AccountRef, (t) => ({
  customFields: t.field({
    type: [CustomFieldDefinitionRef],
    nullable: { list: true, items: false },
    description:
      "The account's custom fields, from its provider's field catalogue (its field list, user schema or custom schemas; read once and kept five minutes). Empty, at no cost, when the provider keeps none.",
    resolve: (adapter, _args, ctx) => ctx.loaders.customFields(adapter.accountId),
  }),
}));
