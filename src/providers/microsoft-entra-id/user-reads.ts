/**
 * Users by id, for the loaders' planner: one `$batch` of up to 20 `GET /users/{id}` (each with
 * `$select` and, for the manager, `$expand=manager($select=id)`), so `nodes(ids:)` of N costs
 * ⌈N/20⌉ calls. A single-user GET also answers the properties a list cannot select
 * (`preferredName`, `hireDate`, …). An id Graph does not know is a 404 inside the batch: not
 * answered, so the loaders know that user does not exist.
 */
import type { ReadOperation } from '../../core/contract/index.js';
import { unexpectedBodyError } from '../../http/errors.js';
import { BATCH_MAX, runBatch } from './batch.js';
import { failure, type GraphClient, graphErrorCode, graphUrl } from './client.js';
import { selectionOf } from './fields.js';
import { isObject } from './shapes.js';
import { userReply } from './user-record.js';

/** Entra object ids are GUIDs; anything else cannot name a user and never reaches a URL. */
export const isEntraObjectId = (id: string) =>
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id);

/** Rough bytes of one property's value, for the planner's tie-breaking. */
const bytesPerProperty = 40;

export function userReads(client: GraphClient): ReadOperation[] {
  const operation = 'entra.batchGetUsers';
  const batchGet: ReadOperation = {
    name: operation,
    supplies: () => true,
    // `$select` takes any number of properties.
    limits: {
      fieldsPerCall: Number.MAX_SAFE_INTEGER,
      idsPerCall: { kind: 'many', max: BATCH_MAX },
    },
    bytesPerRecord: bytesPerProperty,
    async run(call, ctx) {
      const query = selectionOf(call.fields);
      const requests = call.ids.map((id, i) => ({
        id: String(i + 1),
        url: graphUrl('', `/users/${encodeURIComponent(id)}`, query),
      }));
      const answers = await runBatch(client, operation, requests, ctx, {
        fields: call.fields.length,
      });
      const where = { accountId: client.accountId, operation };
      return requests.flatMap(({ id }) => {
        const answer = answers.get(id)!;
        if (answer.status === 404) return [];
        if (answer.status !== 200) throw failure(answer.status, graphErrorCode(answer.body), where);
        if (!isObject(answer.body)) throw unexpectedBodyError(where, 200, 'a user');
        return [userReply(answer.body, call.fields)];
      });
    },
  };
  return [batchGet];
}
