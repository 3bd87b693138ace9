import { describe, expect, it } from 'vitest';
import { formatDuration, renderProgress } from './progress-bar.js';

describe('renderProgress', () => {
  it('shows the bar, percentage, counts, rate and ETA', () => {
    expect(renderProgress({ done: 4000, total: 10_000, elapsedMs: 2000 }, 10)).toBe(
      '[####------]  40.0%  4,000/10,000 events  2,000 ev/s  ETA 3s',
    );
  });
  it('says done at the end and handles an empty log', () => {
    expect(renderProgress({ done: 10, total: 10, elapsedMs: 5 }, 4)).toBe(
      '[####] 100.0%  10/10 events  2,000 ev/s  done',
    );
    expect(renderProgress({ done: 0, total: 0, elapsedMs: 0 }, 4)).toBe('[####] 100.0%  0/0 events  0 ev/s  done');
  });
});

describe('formatDuration', () => {
  it('uses seconds, minutes and hours', () => {
    expect(formatDuration(900)).toBe('1s');
    expect(formatDuration(125_000)).toBe('2m05s');
    expect(formatDuration(3_720_000)).toBe('1h02m');
  });
});
