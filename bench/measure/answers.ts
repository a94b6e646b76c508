/**
 * The hand-written server must answer what hrgraph answers, or the comparison is of two different
 * jobs. Before a scenario is measured, one run goes through each with every reply's `data` kept
 * (as JSON text, so key order counts; `extensions` are not compared) and the two are compared.
 * Cursors are compared by presence only: each carries its walk's random id, so no two servers
 * (nor two runs of one) issue the same bytes; that they lead to the same pages is what the walk
 * then shows.
 */
import type { GraphQLClient } from './graphql-client.js';

const cursorKeys = new Set(['endCursor', 'startCursor', 'cursor']);
const withoutCursors = (key: string, value: unknown) =>
  cursorKeys.has(key) && typeof value === 'string' ? 'a cursor' : value;

/** `client`, keeping each reply's `data` as JSON text in `texts`. */
export function recordingClient(client: GraphQLClient): { client: GraphQLClient; texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    client: {
      ...client,
      async query<T>(...args: Parameters<GraphQLClient['query']>) {
        const reply = await client.query<T>(...args);
        texts.push(JSON.stringify(reply.data, withoutCursors));
        return reply;
      },
    },
  };
}

/** Null when `a` and `b` are equal, else where they part, with some text either side. */
export function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 60));
  return `at character ${at} of ${a.length}: hrgraph ${around(a)}, the hand-written server ${around(b)}`;
}

/**
 * Runs `work` once through hrgraph and once through the hand-written server and compares what
 * they answered; resolves to a problem, or null when the answers are the same.
 */
export async function compareAnswers(
  work: (client: GraphQLClient) => Promise<unknown>,
  hrgraph: GraphQLClient,
  server: GraphQLClient,
): Promise<string | null> {
  const [fromHrgraph, fromServer] = [recordingClient(hrgraph), recordingClient(server)];
  await work(fromHrgraph.client);
  await work(fromServer.client);
  const difference = firstDifference(fromHrgraph.texts.join('\n'), fromServer.texts.join('\n'));
  return difference && `the hand-written server answered other data than hrgraph, ${difference}`;
}
