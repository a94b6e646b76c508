/** An in-process hrgraph over the fake data layer, and a helper that posts documents to it. */
import { createHrGraphServer, type HrGraphServerOptions } from '../../src/server/create-server.js';
import { createFakeLoaders, type FakeAccount, type FakePerson } from './fake-hr-loaders.js';

export interface GraphQLResponse {
  readonly status: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: {
      message: string;
      path?: (string | number)[];
      extensions?: Record<string, unknown>;
    }[];
    extensions?: Record<string, unknown>;
  };
}

export function people(
  count: number,
  make: (i: number) => Partial<FakePerson> = () => ({}),
): FakePerson[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    firstName: `First${i + 1}`,
    lastName: `Last${i + 1}`,
    ...make(i),
  }));
}

export function testServer(
  accounts: readonly FakeAccount[],
  options: Partial<HrGraphServerOptions> & { visible?: readonly string[] } = {},
) {
  const fake = createFakeLoaders(accounts, options.visible);
  const yoga = createHrGraphServer({
    adapters: fake.adapters,
    createLoaders: ({ recorder }) => fake.create({ recorder }),
    cursorKey: Buffer.from('test-cursor-key-test-cursor-key!'),
    development: false,
    logging: false,
    now: () => new Date('2026-03-10T12:00:00Z'),
    ...options,
  });
  async function query(
    document: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse> {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
  }
  return { yoga, fake, query };
}
