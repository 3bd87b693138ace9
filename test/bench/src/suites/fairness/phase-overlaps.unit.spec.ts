import { describe, expect, it } from 'vitest';
import { phaseOverlaps } from './phase-overlaps.js';

describe('phase overlaps', () => {
  it('marks a measurement that any phase overlaps, and not one that merely touches an end', () => {
    const phases = [
      { from: 100, to: 200 },
      { from: 500, to: 600 },
    ];
    const measured = [
      { from: 0, to: 100 },
      { from: 150, to: 160 },
      { from: 190, to: 510 },
      { from: 200, to: 500 },
      { from: 590, to: 700 },
    ];
    expect(phaseOverlaps(measured, phases)).toEqual([false, true, true, false, true]);
  });
});
