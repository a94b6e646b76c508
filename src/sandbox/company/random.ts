/**
 * Small, fast, seedable randomness for the company's structure.
 *
 * Faker is used for human-looking values (names, streets, phone digits); everything structural
 * (who reports to whom, dates, amounts) comes from these generators, which are an order of
 * magnitude faster and keep each concern on its own stream, so that adding a field to one
 * concern does not reshuffle the others.
 */

/** A deterministic source of uniform numbers in [0, 1) with helpers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
}

/** Mixes any number of integers into one well-spread unsigned 32-bit hash (murmur3 finaliser). */
export function hash32(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Fold the high bits in too, so seeds beyond 2^32 still differ.
    const hi = Math.floor(part / 0x100000000);
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13) ^ (hi >>> 0), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [0, 1) from a hash of the parts; for values computed on demand. */
export function unitFromHash(...parts: readonly number[]): number {
  return hash32(...parts) / 0x100000000;
}

/** Mulberry32: tiny state, good enough statistics for synthetic data, ~1 ns a draw. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  // Weight lists are fixed arrays drawn from again and again; their running sums are kept here.
  const cumulative = new WeakMap<readonly number[], Float64Array>();
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  }
  return {
    next,
    int: function int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance: function chance(p) {
      return next() < p;
    },
    pick: function pick(items) {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    weighted: function weighted(weights) {
      let sums = cumulative.get(weights);
      if (sums === undefined) {
        sums = new Float64Array(weights.length);
        let total = 0;
        weights.forEach((w, i) => {
          total += w;
          (sums as Float64Array)[i] = total;
        });
        cumulative.set(weights, sums);
      }
      const roll = next() * (sums[sums.length - 1] ?? 0);
      for (let i = 0; i < sums.length; i++) if (roll < (sums[i] ?? 0)) return i;
      return weights.length - 1;
    },
  };
}

/** Stream numbers keep concerns apart: one rng per (seed, stream). */
export const Stream = {
  org: 1,
  structure: 2,
  history: 3,
  timeOff: 4,
  customFields: 5,
  stamps: 6,
} as const;

export function rngFor(seed: number, stream: number, ...parts: readonly number[]): Rng {
  return createRng(hash32(seed, stream, ...parts));
}
