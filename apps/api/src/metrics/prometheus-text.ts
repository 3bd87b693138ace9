export interface Gauge {
  readonly name: string;
  readonly help: string;
  readonly value: number;
  readonly labels?: Readonly<Record<string, string>>;
  /** `counter` for a count that only grows since start; default `gauge`. */
  readonly type?: 'gauge' | 'counter';
}

/** Prometheus text exposition format (version 0.0.4) for a list of gauges. */
export function renderGauges(gauges: readonly Gauge[]): string {
  const lines: string[] = [];
  for (const gauge of gauges) {
    const labels = Object.entries(gauge.labels ?? {})
      .map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
      .join(',');
    // One HELP and TYPE per metric family, however many label sets follow it.
    if (lines.at(-1)?.startsWith(`${gauge.name}{`) !== true) lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} ${gauge.type ?? 'gauge'}`);
    lines.push(`${gauge.name}${labels === '' ? '' : `{${labels}}`} ${gauge.value}`);
  }
  return `${lines.join('\n')}\n`;
}
