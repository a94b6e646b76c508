/**
 * Reads and checks a connection's `first`/`after`/`last`/`before`. Every misuse is a
 * BAD_USER_INPUT with a message that says what to send instead; none reaches a provider.
 */
import { badInput } from '../../core/errors.js';
import type { ConnectionLimits } from '../context.js';
import type { CursorPosition, PageDirection } from './cursor.js';

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly last?: number | null;
  readonly after?: string | null;
  readonly before?: string | null;
}

/** What one connection request asks for, after validation. */
export interface PageWindow {
  /** `forward` for `first`/`after`, `backward` for `last`/`before`. */
  readonly direction: PageDirection;
  readonly count: number;
  /** The position of the `after`/`before` edge, when one was given. */
  readonly from: CursorPosition | null;
}

export type CursorVerifier = (cursor: string, arg: 'after' | 'before') => CursorPosition;

function checkCount(name: 'first' | 'last', value: number, limits: ConnectionLimits): number {
  if (!Number.isInteger(value) || value < 0) {
    throw badInput(`\`${name}\` must be a non-negative integer.`, { argument: name });
  }
  if (value > limits.maxSize) {
    throw badInput(`\`${name}\` may be at most ${limits.maxSize}; page with \`after\` for more.`, {
      argument: name,
      max: limits.maxSize,
    });
  }
  return value;
}

export function readPageWindow(
  args: ConnectionArgs,
  limits: ConnectionLimits,
  verify: CursorVerifier,
): PageWindow {
  const { first, last, after, before } = args;
  if (first != null && last != null) {
    throw badInput('Pass either `first` or `last`, not both.', { argument: 'last' });
  }
  if (after != null && before != null) {
    throw badInput('Pass either `after` or `before`, not both.', { argument: 'before' });
  }
  if (last != null && after != null) {
    throw badInput('`last` pages backward: use it with `before`, not `after`.', {
      argument: 'after',
    });
  }
  if (first != null && before != null) {
    throw badInput('`first` pages forward: use it with `after`, not `before`.', {
      argument: 'before',
    });
  }
  const backward = last != null || before != null;
  if (backward) {
    return {
      direction: 'backward',
      count: last != null ? checkCount('last', last, limits) : limits.defaultSize,
      from: before != null ? verify(before, 'before') : null,
    };
  }
  return {
    direction: 'forward',
    count: first != null ? checkCount('first', first, limits) : limits.defaultSize,
    from: after != null ? verify(after, 'after') : null,
  };
}
