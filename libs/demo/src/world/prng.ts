import type { ListView } from './list-view.js';

/**
 * mulberry32: a 32-bit seeded PRNG, small and fast, good enough for synthetic data (not for
 * secrets). The demo never touches Math.random: the same seed gives the same history, byte for byte.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` different items, in random order. */
  sample<T>(items: ListView<T>, count: number): T[] {
    return this.sampleIndices(items.length, count).map((index) => items.at(index)!);
  }

  /**
   * `count` different positions in a list of `length`, in the order drawn. Each draw picks a
   * position among the items not yet drawn, as if they were spliced out of a copy of the list,
   * and maps it back past the positions already taken: the same draws and the same result as
   * that copy, at a cost that grows with `count`, not with the list (decision 0051). Positions
   * in `excluded` (distinct, within the list) are left out as if filtered out first.
   */
  sampleIndices(length: number, count: number, excluded: readonly number[] = []): number[] {
    const taken = [...excluded].sort((a, b) => a - b);
    const chosen: number[] = [];
    while (chosen.length < count && taken.length < length) {
      let index = Math.floor(this.next() * (length - taken.length));
      let slot = 0;
      while (slot < taken.length && taken[slot]! <= index) {
        index += 1;
        slot += 1;
      }
      taken.splice(slot, 0, index);
      chosen.push(index);
    }
    return chosen;
  }

  /** Poisson-distributed count with mean `mean` (Knuth; the demo's means are small). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let product = this.next();
    let count = 0;
    while (product > limit) {
      count += 1;
      product *= this.next();
    }
    return count;
  }

  /** A child generator for one entity, so adding draws in one place does not reshuffle everything after it. */
  fork(salt: number): Prng {
    return new Prng((Math.imul(this.state ^ salt, 0x9e3779b1) + salt) >>> 0);
  }
}
