/** A due time relative to now, in the largest unit that reads naturally: "in 3 hours", "2 days ago". */
export function relativeDue(dueAt: string, now: number, locale: string): string {
  const seconds = (Date.parse(dueAt) - now) / 1000;
  const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(Math.trunc(seconds / 60), 'minute');
}
