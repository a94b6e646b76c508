/**
 * A page of the employee list with hrgraph's cursor: the directory, the walk and the concurrent
 * scenario's first page. One list call per page; the cursor is signed once, for the page's end,
 * since that is all the query selects.
 */
import { randomBytes } from 'node:crypto';
import type { FieldSelection } from '../../../scenarios/fields.js';
import { listPage } from '../../hand-written/directory.js';
import { employeeShape, listRecord } from '../employee-json.js';
import { HandInputError } from '../errors.js';
import { signCursor, unwrapNative, verifyCursor, wrapNative } from '../wire-format.js';
import { checkAccount, type Endpoint, MAX_ITEMS, pageSize } from './endpoint.js';

export function pagesEndpoint(selection: readonly FieldSelection[]): Endpoint {
  const shape = employeeShape(selection);
  return async function answerPage(variables, ctx) {
    checkAccount(variables, ctx);
    const first = pageSize(variables.first);
    const from =
      variables.after == null
        ? { native: null, skip: 0 }
        : verifyCursor(ctx.cursorKey, ctx.account, variables.after);
    // A cursor inside a provider page (the last page's end) resumes `skip` records into it.
    if (from.skip + first > MAX_ITEMS)
      throw new HandInputError('`after` and `first` reach past one provider page.');
    const position = from.native === null ? null : unwrapNative(from.native);
    const page = await listPage(
      ctx.api,
      from.skip + first,
      shape.keys,
      position?.bambooCursor ?? null,
    );
    const records = page.data.slice(from.skip);
    const next = page.meta.page.nextCursor;
    const shaping = { account: ctx.account, optionIds: null };
    const end =
      records.length === 0
        ? null
        : next !== null
          ? {
              native: wrapNative(
                next,
                String(page.data[page.data.length - 1]?.employeeId),
                (position?.walked ?? 0) + page.data.length,
                position?.walk ?? randomBytes(12).toString('base64url'),
              ),
              skip: 0,
            }
          : { native: from.native, skip: from.skip + records.length };
    return {
      employees: {
        pageInfo: {
          hasNextPage: next !== null,
          endCursor: end && signCursor(ctx.cursorKey, ctx.account, end),
        },
        nodes: records.map((record) =>
          shape.write(String(record.employeeId), listRecord(record), shaping),
        ),
      },
    };
  };
}
