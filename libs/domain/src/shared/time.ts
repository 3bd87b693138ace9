/**
 * Order of two ISO-8601 UTC times (`…Z`), exact to any number of fractional digits. Date.parse
 * would cut `09:00:00.0001Z` to the millisecond and call it on time; this compares the text.
 * Both times must already be valid IsoUtcTime values.
 */
export function compareUtcTimes(left: string, right: string): -1 | 0 | 1 {
  const [leftSeconds, leftFraction] = splitFraction(left);
  const [rightSeconds, rightFraction] = splitFraction(right);
  if (leftSeconds !== rightSeconds) return leftSeconds < rightSeconds ? -1 : 1;
  const width = Math.max(leftFraction.length, rightFraction.length);
  const a = leftFraction.padEnd(width, '0');
  const b = rightFraction.padEnd(width, '0');
  return a === b ? 0 : a < b ? -1 : 1;
}

/** `2026-03-01T09:00:00.25Z` → [`2026-03-01T09:00:00`, `25`]: fixed-width text orders like time. */
function splitFraction(time: string): [string, string] {
  const withoutZone = time.endsWith('Z') ? time.slice(0, -1) : time;
  const dot = withoutZone.indexOf('.');
  return dot === -1 ? [withoutZone, ''] : [withoutZone.slice(0, dot), withoutZone.slice(dot + 1)];
}

/** Calendar days `YYYY-MM-DD` order like their text. */
export function compareDates(left: string, right: string): -1 | 0 | 1 {
  return left === right ? 0 : left < right ? -1 : 1;
}
