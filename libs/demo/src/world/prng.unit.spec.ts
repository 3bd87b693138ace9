import { describe, expect, it } from 'vitest';
import { concatenated } from './list-view.js';
import { Prng } from './prng.js';

/** How `sample` drew before decision 0051: a copy of the list, spliced draw by draw. */
function sampleByCopying<T>(prng: Prng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0)
    chosen.push(pool.splice(Math.floor(prng.next() * pool.length), 1)[0]!);
  return chosen;
}

describe('Prng.sample', () => {
  it('draws the same items in the same order as splicing them out of a copy, leaving the generator in the same state', () => {
    const sizes = new Prng(99);
    for (let round = 0; round < 2000; round += 1) {
      const items = Array.from({ length: sizes.int(0, 40) }, (_, index) => `item-${index}`);
      const count = sizes.int(0, 45);
      const copying = new Prng(round);
      const inPlace = new Prng(round);
      expect(inPlace.sample(items, count)).toEqual(sampleByCopying(copying, items, count));
      expect(inPlace.next()).toBe(copying.next());
    }
  });

  it('draws from lists read as one as it draws from their concatenation', () => {
    const lists = [['a', 'b'], [], ['c', 'd', 'e'], ['f']];
    for (let seed = 0; seed < 200; seed += 1)
      expect(new Prng(seed).sample(concatenated(lists), 3)).toEqual(new Prng(seed).sample(lists.flat(), 3));
  });

  it('leaves out excluded positions as if they had been filtered out of the list first', () => {
    const items = Array.from({ length: 12 }, (_, index) => index * 10);
    const excluded = [7, 2, 9];
    const filtered = items.filter((_, index) => !excluded.includes(index));
    for (let seed = 0; seed < 200; seed += 1) {
      const positions = new Prng(seed).sampleIndices(items.length, 4, excluded);
      expect(positions.map((index) => items[index])).toEqual(sampleByCopying(new Prng(seed), filtered, 4));
    }
  });
});

describe('concatenated', () => {
  it('reads the lists one after another and nothing past their end', () => {
    const view = concatenated([[1, 2], [], [3]]);
    expect(view.length).toBe(3);
    expect([0, 1, 2, 3, -1].map((index) => view.at(index))).toEqual([1, 2, 3, undefined, undefined]);
  });
});
