import { describe, expect, it } from 'vitest';
import { median, pairedRuns } from './measure.js';
import { missedTargets, ratioValue, renderReport, type MeasuredSection, type Report } from './report.js';
import type { BenchSection } from './suite.js';

const section: BenchSection = {
  title: 'Example',
  method: 'Measured somehow.',
  figures: [
    { id: 'ours', label: 'ours', unit: 'events/s', samples: [90, 100, 110], target: 95 },
    { id: 'raw', label: 'raw', unit: 'events/s', samples: [200, 100, 125] },
  ],
  ratios: [{ label: 'ours ÷ raw', of: 'ours', against: 'raw', target: 0.8 }],
};
const measured: MeasuredSection = {
  ...section,
  suite: 'example',
  measuredAt: new Date('2026-01-02T03:04:05.000Z'),
  runs: 3,
  loadAverage: 0.5,
};
const report: Report = {
  machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 4, os: 'Linux 6', node: 'v20.0.0' },
  sections: [measured],
};

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('pairedRuns', () => {
  it('drops the warm-up pair and keeps the rest in order', async () => {
    let call = 0;
    const result = await pairedRuns(2, async () => {
      call += 1;
      return { ours: call, baseline: call * 10 };
    });
    expect(result).toEqual({ ours: [2, 3], baseline: [20, 30] });
  });
});

describe('report', () => {
  it('takes the median of per-run ratios and lists the targets missed', () => {
    // per run: 90/200 = 0.45, 100/100 = 1, 110/125 = 0.88
    expect(ratioValue(section, section.ratios[0]!)).toBeCloseTo(0.88);
    const slower = { ...section, ratios: [{ ...section.ratios[0]!, target: 0.9 }] };
    expect(missedTargets(report)).toEqual([]);
    expect(missedTargets({ ...report, sections: [{ ...measured, ...slower }] })).toEqual(['Example: ours ÷ raw']);
  });

  it('writes the machine, when each section was measured, each figure with its target and each ratio with its verdict', () => {
    const markdown = renderReport(report);
    expect(markdown).toContain('- CPU: Test CPU, 2 cores');
    expect(markdown).toContain(
      'Measured 2026-01-02T03:04:05.000Z, 3 runs, load average (1 min) 0.50 when the suite started.',
    );
    expect(markdown).toContain('- Node.js: v20.0.0');
    expect(markdown).toContain('| ours | 100 events/s | 90 – 110 | ≥ 95 | met |');
    expect(markdown).toContain('| raw | 125 events/s | 100 – 200 | — | — |');
    expect(markdown).toContain('| ours ÷ raw | 0.88 | ≥ 0.80 | met |');
  });

  it('refuses a ratio that names an unknown figure or pairs different run counts', () => {
    expect(() => ratioValue(section, { label: 'bad', of: 'ours', against: 'missing' })).toThrow(
      /unknown figure missing/,
    );
    const uneven = { ...section, figures: [section.figures[0]!, { ...section.figures[1]!, samples: [1, 2] }] };
    expect(() => ratioValue(uneven, section.ratios[0]!)).toThrow(/pairs 3 runs with 2/);
  });
});
