import { describe, expect, test } from 'vitest';
import { readPageWindow } from '../../src/schema/connection/page-window.js';
import { people, testServer } from '../support/hrgraph-test-server.js';

const limits = { defaultSize: 50, maxSize: 1000 };
const never = () => {
  throw new Error('no cursor expected');
};

describe('connection arguments', () => {
  test('neither first nor last: the first 50 (the default)', () => {
    expect(readPageWindow({}, limits, never)).toEqual({
      direction: 'forward',
      count: 50,
      from: null,
    });
  });

  test('before alone pages backward with the default size', () => {
    const at = { direction: 'backward' as const, native: 'x', skip: 1 };
    expect(readPageWindow({ before: 'c' }, limits, () => at)).toEqual({
      direction: 'backward',
      count: 50,
      from: at,
    });
  });

  test('first: 1000 (the documented maximum) is accepted', () => {
    expect(readPageWindow({ first: 1000 }, limits, never).count).toBe(1000);
  });

  const { query } = testServer([{ id: 'acme', people: people(3) }]);

  const invalid: [string, string, RegExp][] = [
    ['negative first', 'first: -1', /`first` must be a non-negative integer/],
    ['negative last', 'last: -1', /`last` must be a non-negative integer/],
    ['first over the maximum', 'first: 1001', /`first` may be at most 1000/],
    ['last over the maximum', 'last: 5000', /`last` may be at most 1000/],
    ['first and last', 'first: 1, last: 1', /either `first` or `last`/],
    ['after with last', 'last: 1, after: "x"', /`last` pages backward/],
    ['before with first', 'first: 1, before: "x"', /`first` pages forward/],
    ['after and before', 'after: "x", before: "y"', /either `after` or `before`/],
    ['a garbage cursor', 'first: 1, after: "garbage"', /`after` is not a cursor this API issued/],
    [
      'a tampered cursor',
      'first: 1, after: "eyJ2IjoxfQ.AAAAAAAAAAAAAAAAAAAAAA"',
      /`after` is not a valid cursor/,
    ],
  ];
  for (const [name, args, message] of invalid) {
    test(`${name} is BAD_USER_INPUT with a clear message, never a 500`, async () => {
      const { status, body } = await query(`{ employees(${args}) { edges { cursor } } }`);
      expect(status).toBe(200);
      expect(body.data?.employees).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({
        path: ['employees'],
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(body.errors?.[0]?.message).toMatch(message);
    });
  }

  test("a cursor from another account's list is BAD_USER_INPUT", async () => {
    const two = testServer([
      { id: 'acme', people: people(5) },
      { id: 'globex', people: people(5) },
    ]);
    const first = await two.query(
      '{ employees(account: "globex", first: 2) { pageInfo { endCursor } } }',
    );
    const cursor = (first.body.data!.employees as { pageInfo: { endCursor: string } }).pageInfo
      .endCursor;
    const { body } = await two.query(
      'query($c: String) { employees(account: "acme", first: 2, after: $c) { nodes { id } } }',
      { c: cursor },
    );
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors?.[0]?.message).toMatch(/another account/);
  });

  test('a cursor used with another filter is BAD_USER_INPUT', async () => {
    const first = await query('{ employees(first: 1) { pageInfo { endCursor } } }');
    const cursor = (first.body.data!.employees as { pageInfo: { endCursor: string } }).pageInfo
      .endCursor;
    const { body } = await query(
      'query($c: String) { employees(first: 1, after: $c, filter: { status: ACTIVE }) { nodes { id } } }',
      { c: cursor },
    );
    expect(body.errors?.[0]?.message).toMatch(/different filter or order/);
  });

  test('a cursor from a server with another key is BAD_USER_INPUT', async () => {
    const other = testServer([{ id: 'acme', people: people(3) }], {
      cursorKey: Buffer.from('another-key'),
    });
    const first = await other.query('{ employees(first: 1) { pageInfo { endCursor } } }');
    const cursor = (first.body.data!.employees as { pageInfo: { endCursor: string } }).pageInfo
      .endCursor;
    const { body } = await query(
      'query($c: String) { employees(first: 1, after: $c) { nodes { id } } }',
      { c: cursor },
    );
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
