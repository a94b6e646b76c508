import { describe, expect, test } from 'vitest';
import { accountId, remoteId } from '../../src/core/ids.js';
import { decodeRelayGlobalId, fromGlobalId, toGlobalId } from '../../src/schema/global-id.js';

const acme = accountId('acme');

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
}

describe('global IDs', () => {
  test('round-trip type, account and provider id, even with separators in the provider id', () => {
    const id = toGlobalId('Employee', { accountId: acme, remoteId: remoteId('a:b"c/ü') });
    expect(fromGlobalId(id)).toEqual({
      typename: 'Employee',
      accountId: 'acme',
      remoteId: 'a:b"c/ü',
    });
  });

  test('history rows keep their owning employee, time off its start date', () => {
    const job = toGlobalId('Employment', {
      accountId: acme,
      remoteId: remoteId('7'),
      owner: remoteId('42'),
    });
    expect(fromGlobalId(job)).toMatchObject({ typename: 'Employment', remoteId: '7', owner: '42' });
    const off = toGlobalId('TimeOff', {
      accountId: acme,
      remoteId: remoteId('9'),
      owner: remoteId('42'),
      hint: '2026-03-02',
    });
    expect(fromGlobalId(off)).toMatchObject({ owner: '42', hint: '2026-03-02' });
  });

  test('are stable: the same record always gets the same ID', () => {
    const make = () => toGlobalId('Group', { accountId: acme, remoteId: remoteId(12) });
    expect(make()).toBe(make());
    expect(make()).not.toBe(
      toGlobalId('Group', { accountId: accountId('globex'), remoteId: remoteId(12) }),
    );
  });

  test('are opaque URL-safe strings', () => {
    expect(toGlobalId('Employee', { accountId: acme, remoteId: remoteId('1') })).toMatch(
      /^[A-Za-z0-9_-]+$/,
    );
  });

  test('an edited ID is a BAD_USER_INPUT, not another record', () => {
    const id = toGlobalId('Employee', { accountId: acme, remoteId: remoteId('1') });
    const other = toGlobalId('Employee', { accountId: acme, remoteId: remoteId('2') });
    // Splice the other record's body onto this one's checksum.
    const forged = other.slice(0, -6) + id.slice(-6);
    expect(codeOf(() => fromGlobalId(forged))).toBe('BAD_USER_INPUT');
    for (let i = 0; i < id.length; i++) {
      const flipped = id.slice(0, i) + (id[i] === 'A' ? 'B' : 'A') + id.slice(i + 1);
      expect(
        codeOf(() => fromGlobalId(flipped)),
        `position ${i}`,
      ).toBe('BAD_USER_INPUT');
    }
  });

  test('garbage, truncated, empty and over-long IDs are BAD_USER_INPUT', () => {
    const id = toGlobalId('Employee', { accountId: acme, remoteId: remoteId('1') });
    for (const bad of [
      '',
      'x',
      'not an id!',
      id.slice(0, -1),
      id.slice(3),
      'A'.repeat(5000),
      'VGhpbmc6YTE=',
    ]) {
      expect(
        codeOf(() => fromGlobalId(bad)),
        bad.slice(0, 20),
      ).toBe('BAD_USER_INPUT');
    }
  });

  test('an ID of another type where one type is expected is BAD_USER_INPUT naming both', () => {
    const group = toGlobalId('Group', { accountId: acme, remoteId: remoteId('1') });
    expect(() => fromGlobalId(group, ['Employee'])).toThrow(
      /Expected the ID of Employee, got the ID of Group/,
    );
  });

  test('are stable across releases: IDs issued before issue 16 still decode, and are minted again', () => {
    // Minted by main before the checksum moved to the one-shot digest; a client may hold them.
    const employee = 'RW1wbG95ZWU6WyJhY21lIiwiNDIiXQBAFQsp';
    const timeOff = 'VGltZU9mZjpbImFjbWUiLCJyNyIsIjQyIiwiMjAyNi0wMS0wNSJdOYLsYu';
    expect(fromGlobalId(employee)).toEqual({
      typename: 'Employee',
      accountId: 'acme',
      remoteId: '42',
    });
    expect(fromGlobalId(timeOff)).toEqual({
      typename: 'TimeOff',
      accountId: 'acme',
      remoteId: 'r7',
      owner: '42',
      hint: '2026-01-05',
    });
    expect(toGlobalId('Employee', { accountId: acme, remoteId: remoteId('42') })).toBe(employee);
    expect(
      toGlobalId('TimeOff', {
        accountId: acme,
        remoteId: remoteId('r7'),
        owner: remoteId('42'),
        hint: '2026-01-05',
      }),
    ).toBe(timeOff);
  });

  test('the relay plugin hook splits type and key', () => {
    const id = toGlobalId('Company', { accountId: acme, remoteId: remoteId('c') });
    expect(decodeRelayGlobalId(id)).toEqual({ typename: 'Company', id: '["acme","c"]' });
  });
});
