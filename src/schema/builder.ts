/**
 * The only SchemaBuilder. Every type module registers itself on it; `index.ts` imports them all
 * and prints the federation subgraph.
 *
 * Nullability: output fields are nullable by default, on purpose. Every HR field comes from a
 * provider that may not supply it, may forbid it to this caller, or may fail for one account; a
 * nullable field turns such a failure into `null` plus an error at its path, while a non-null one
 * would wipe out its parent (a whole employee, or the whole page). Structural fields that cannot
 * fail on their own (ids, `remoteId`, connection edges and page info, key fields — G5) are marked
 * non-null explicitly.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import {
  CountryCodeResolver,
  CurrencyResolver,
  DateResolver,
  DateTimeResolver,
  EmailAddressResolver,
  JSONResolver,
  TimeZoneResolver,
  URLResolver,
} from 'graphql-scalars';
import type { HrContext } from './context.js';
import { decodeRelayGlobalId, encodeRelayGlobalId } from './global-id.js';
import { providerScalar } from './provider-scalars.js';

export interface HrSchemaTypes {
  Context: HrContext;
  // Pothos v4's default, stated here because it is a decision (see the top of this file).
  DefaultFieldNullability: true;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Connection: { totalCount?: number | null };
  Scalars: {
    // graphql-scalars parses a Date argument into a JS Date at UTC midnight.
    Date: { Input: Date; Output: string | Date };
    DateTime: { Input: Date; Output: string | Date };
    EmailAddress: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    Currency: { Input: string; Output: string };
    TimeZone: { Input: string; Output: string };
    CountryCode: { Input: string; Output: string };
    URL: { Input: URL; Output: string };
  };
}

export const builder = new SchemaBuilder<HrSchemaTypes>({
  // Federation last: it must see the resolvers the other plugins have wrapped (G9).
  plugins: [RelayPlugin, DataloaderPlugin, DirectivesPlugin, FederationPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Our own node/nodes (src/schema/node-query.ts) plan the fields of every node in one batch.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // PageInfo must be @shareable in every subgraph that has connections (G4).
    pageInfoTypeOptions: { shareable: true },
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    nodesOnConnection: true,
    // The maximum is the server's `limits.maxSize`; 1000 unless the operator changed it.
    firstArgOptions: {
      description: 'The first n edges, 0 to 1000 (50 when neither `first` nor `last` is given).',
    },
    lastArgOptions: { description: 'The last n edges, 0 to 1000. Pages backward, with `before`.' },
    afterArgOptions: { description: 'A cursor of this connection: the edges after it.' },
    beforeArgOptions: { description: 'A cursor of this connection: the edges before it.' },
    encodeGlobalID: encodeRelayGlobalId,
    decodeGlobalID: decodeRelayGlobalId,
  },
});

builder.queryType({ description: 'Read HR data from every connected account.' });

builder.addScalarType('Date', providerScalar(DateResolver));
builder.addScalarType('DateTime', providerScalar(DateTimeResolver));
builder.addScalarType('EmailAddress', providerScalar(EmailAddressResolver));
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('Currency', providerScalar(CurrencyResolver));
builder.addScalarType('TimeZone', providerScalar(TimeZoneResolver));
builder.addScalarType('CountryCode', providerScalar(CountryCodeResolver));
builder.addScalarType('URL', providerScalar(URLResolver));
