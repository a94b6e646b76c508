/**
 * The hand-written server is only a baseline while it answers what hrgraph answers: the check
 * that runs before each scenario is measured must see a difference in `data` (a value, a key's
 * order) and must not see one in `extensions` (the upstream accounting differs by design).
 */
import { describe, expect, it } from 'vitest';
import { compareAnswers, firstDifference } from '../../bench/measure/answers.js';
import type { GraphQLClient } from '../../bench/measure/graphql-client.js';

/** A client answering `data` to every query, with upstream accounting of `calls` calls. */
function answering(data: unknown, calls = 1): GraphQLClient {
  let sent = 0;
  return {
    async query<T>() {
      sent++;
      return {
        data: data as T,
        upstream: { calls, retries: 0, durationMs: 0, entries: [] },
      };
    },
    requests: () => sent,
    close: async () => {},
  };
}

const page = (client: GraphQLClient) => client.query('{ page }');

describe('the hand-written server answers the same data as hrgraph', () => {
  it('the same data, whatever the extensions, is no difference', async () => {
    const data = { employees: { nodes: [{ remoteId: '1', firstName: 'Ada' }] } };
    expect(await compareAnswers(page, answering(data, 1), answering(data, 7))).toBeNull();
  });

  it('a different value is a problem naming where the answers part', async () => {
    const problem = await compareAnswers(
      page,
      answering({ nodes: [{ firstName: 'Ada' }] }),
      answering({ nodes: [{ firstName: 'Bob' }] }),
    );
    expect(problem).toMatch(/answered other data than hrgraph, at character 24/);
  });

  it('the same values with keys in another order are a difference', async () => {
    const problem = await compareAnswers(
      page,
      answering({ a: 1, b: 2 }),
      answering({ b: 2, a: 1 }),
    );
    expect(problem).not.toBeNull();
  });

  it('every reply of a run is compared, not only the first', async () => {
    const second = (client: GraphQLClient) => page(client).then(() => page(client));
    let n = 0;
    const drifting: GraphQLClient = {
      ...answering(null),
      async query<T>() {
        return {
          data: { n: n++ } as T,
          upstream: { calls: 0, retries: 0, durationMs: 0, entries: [] },
        };
      },
    };
    expect(await compareAnswers(second, answering({ n: 0 }), drifting)).not.toBeNull();
  });

  it('firstDifference is null for equal texts and shows both sides otherwise', () => {
    expect(firstDifference('{"a":1}', '{"a":1}')).toBeNull();
    expect(firstDifference('{"a":1}', '{"a":2}')).toContain('at character 5 of 7');
  });
});
