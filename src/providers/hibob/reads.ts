/**
 * Reads by id: `POST /people/search` with Bob's `root.id` filter, which takes a list of ids in one
 * call. Bob documents no limit on the list; hrgraph sends 100 at a time, so a request body stays
 * small and a batch of N employees costs ⌈N / 100⌉ calls whichever fields it needs (a search
 * names any number of fields).
 */
import type { RawReply, ReadOperation } from '../../core/contract/index.js';
import type { HibobClient } from './client.js';
import { isSearchKey } from './fields.js';
import { searchPeople } from './people.js';
import { toReply } from './records.js';

export const IDS_PER_SEARCH = 100;

/** Rough bytes of one search record with a handful of fields. */
const bytesPerRecord = 400;

export function byIdsRead(client: HibobClient): ReadOperation {
  return {
    name: 'hibob.people.byIds',
    supplies: isSearchKey,
    limits: {
      fieldsPerCall: Number.MAX_SAFE_INTEGER,
      idsPerCall: { kind: 'many', max: IDS_PER_SEARCH },
    },
    bytesPerRecord,
    async run(call, ctx): Promise<RawReply[]> {
      const records = await searchPeople(
        client,
        'hibob.people.byIds',
        // Whoever is asked for by id is read whatever their status.
        { keys: call.fields, ids: call.ids, showInactive: true },
        ctx,
      );
      return records.map((record) => toReply(record, call.fields));
    },
  };
}
