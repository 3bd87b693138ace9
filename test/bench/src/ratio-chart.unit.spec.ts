import { describe, expect, it } from 'vitest';
import { ratioChartSvg, ratiosFromReport } from './ratio-chart.js';

const report = [
  '## Projection into chDB',
  '',
  '| figure | median | range over runs | target | |',
  '| --- | --- | --- | --- | --- |',
  '| rebuild | 32,891 events/s | 1 – 2 | ≥ 50,000 | **not met** |',
  '',
  '| ratio (median of per-run ratios) | value | target | |',
  '| --- | --- | --- | --- |',
  '| rebuild ÷ raw chDB insert | 0.65 | ≥ 0.50 | met |',
  '| read ÷ raw | 0.57 | — | — |',
  '',
  '## Next',
].join('\n');

describe('ratio chart', () => {
  it('reads the ratios of a report with their section and target, and no figure rows', () => {
    expect(ratiosFromReport(report)).toEqual([
      { label: 'Projection into chDB: rebuild ÷ raw chDB insert', value: 0.65, target: 0.5 },
      { label: 'Projection into chDB: read ÷ raw', value: 0.57 },
    ]);
  });

  it('draws a bar per ratio, green when its target is met, with the target tick', () => {
    const svg = ratioChartSvg(
      [
        { label: 'a < b', value: 0.65, target: 0.5 },
        { label: 'c', value: 0.2, target: 0.8 },
      ],
      'Ratios',
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('a &lt; b');
    expect(svg.match(/fill="#3ebd93"/g)).toHaveLength(1);
    expect(svg.match(/fill="#e12d39"/g)).toHaveLength(1);
    expect(svg.match(/stroke="#102a43"/g)).toHaveLength(2);
  });
});
