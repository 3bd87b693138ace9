/**
 * A list read by position. An array is one; `concatenated` reads several as one without copying
 * them, so the PRNG can draw from every asset of a deal's product lines, or every consultant of
 * the other teams, at the cost of the draw rather than of the list (decision 0051).
 */
export interface ListView<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** The lists one after another, as `lists.flat()` would give them, read in place. */
export function concatenated<T>(lists: readonly (readonly T[])[]): ListView<T> {
  let length = 0;
  for (const list of lists) length += list.length;
  return {
    length,
    at(index) {
      if (index < 0) return undefined;
      let rest = index;
      for (const list of lists) {
        if (rest < list.length) return list[rest];
        rest -= list.length;
      }
      return undefined;
    },
  };
}
