import { describe, expect, it } from 'vitest';
import { tendersReceivedOption } from './tenders-received.option';

describe('tendersReceivedOption', () => {
  it('puts the points in a dataset and encodes period × tenders as labelled bars', () => {
    const option = tendersReceivedOption([
      { period: '2026-01', tenders: 2 },
      { period: '2026-02', tenders: 5 },
    ]);
    expect(option.dataset).toEqual({
      dimensions: ['period', 'tenders'],
      source: [
        { period: '2026-01', tenders: 2 },
        { period: '2026-02', tenders: 5 },
      ],
    });
    expect(option.series).toEqual([expect.objectContaining({ type: 'bar', encode: { x: 'period', y: 'tenders' }, label: { show: true, position: 'top' } })]);
  });

  it('gives an empty dataset for no data', () => {
    expect(tendersReceivedOption([]).dataset).toEqual({ dimensions: ['period', 'tenders'], source: [] });
  });
});
