/**
 * A sparkline as an SVG path: the overview is the first view, and drawing eight small lines by
 * hand keeps ECharts (≈150 KB gzip) out of its JavaScript. Gaps (no data) break the line.
 */
export interface SparklineShape {
  readonly d: string;
  /** The last point with data, for its dot; null when no period has data. */
  readonly last: { readonly x: number; readonly y: number } | null;
}

export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): SparklineShape {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return { d: '', last: null };
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const x = (i: number) => Number((pad + i * step).toFixed(1));
  // A flat series sits in the middle rather than on the floor.
  const y = (v: number) =>
    Number((max === min ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad)).toFixed(1));
  let d = '';
  let drawing = false;
  let last: SparklineShape['last'] = null;
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? 'L' : 'M'}${x(i)} ${y(v)} `;
    drawing = true;
    last = { x: x(i), y: y(v) };
  });
  return { d: d.trim(), last };
}
