import { InvalidArgumentError } from 'commander';

/** A commander argument parser for whole numbers in [min, max]. */
export function integer(min: number, max: number) {
  return function parseInteger(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return n;
  };
}
