/** One ratio of the report, as drawn: ours ÷ baseline, and its target when it has one. */
export interface RatioPoint {
  readonly label: string;
  readonly value: number;
  readonly target?: number;
}

/**
 * The ratios of a report as written by report.ts: rows `| label | value | ≥ target | verdict |`
 * under a `| ratio …` header. Reading the Markdown lets the chart be redrawn from the committed
 * report without rerunning the benchmarks.
 */
export function ratiosFromReport(markdown: string): RatioPoint[] {
  const points: RatioPoint[] = [];
  let section = '';
  let inRatios = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    if (line.startsWith('| ratio')) inRatios = true;
    else if (!line.startsWith('|')) inRatios = false;
    const cells = line.split('|').map((c) => c.trim());
    if (!inRatios || cells.length < 5 || cells[1] === 'ratio (median of per-run ratios)' || cells[1]!.startsWith('---'))
      continue;
    const value = Number(cells[2]);
    if (!Number.isFinite(value)) continue;
    const target = /^≥ ([\d.]+)$/.exec(cells[3] ?? '')?.[1];
    points.push({
      label: `${section}: ${cells[1]}`,
      value,
      ...(target === undefined ? {} : { target: Number(target) }),
    });
  }
  return points;
}

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Horizontal bars, one per ratio, on a log scale so 0.05 and 10 both read; a tick marks each target. */
export function ratioChartSvg(points: readonly RatioPoint[], title: string): string {
  const width = 980;
  const labelWidth = 520;
  const barArea = width - labelWidth - 80;
  const rowHeight = 26;
  const top = 40;
  const height = top + points.length * rowHeight + 40;
  const [min, max] = [0.01, 20];
  const x = (value: number) =>
    labelWidth + (Math.log10(Math.min(max, Math.max(min, value)) / min) / Math.log10(max / min)) * barArea;
  const rows = points.map((point, i) => {
    const y = top + i * rowHeight;
    const met = point.target === undefined ? undefined : point.value >= point.target;
    const colour = met === undefined ? '#7b8794' : met ? '#3ebd93' : '#e12d39';
    const target =
      point.target === undefined
        ? ''
        : `<line x1="${x(point.target).toFixed(1)}" x2="${x(point.target).toFixed(1)}" y1="${y + 2}" y2="${y + rowHeight - 4}" stroke="#102a43" stroke-width="2"/>`;
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" font-size="11"><title>${escape(point.label)}</title>${escape(shorten(point.label, 84))}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${(x(point.value) - labelWidth).toFixed(1)}" height="${rowHeight - 12}" fill="${colour}"/>`,
      target,
      `<text x="${(x(point.value) + 4).toFixed(1)}" y="${y + 16}" font-size="11">${point.value.toFixed(2)}</text>`,
    ].join('');
  });
  const ticks = [0.01, 0.1, 0.5, 1, 10].map(
    (t) =>
      `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 4}" y2="${height - 34}" stroke="#d9e2ec"/><text x="${x(t).toFixed(1)}" y="${height - 20}" font-size="10" text-anchor="middle">${t}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="16" y="22" font-size="14" font-weight="bold">${escape(title)}</text>`,
    ...ticks,
    ...rows,
    `<text x="16" y="${height - 6}" font-size="10">ours ÷ baseline (log scale); green: target met, red: not met, grey: no target; black tick: the target</text>`,
    '</svg>',
  ].join('\n');
}
