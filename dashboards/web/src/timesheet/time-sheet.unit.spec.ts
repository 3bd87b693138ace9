import { describe, expect, it } from 'vitest';
import { moveInGrid, sheetRows, stableHash, timeSheetParts, weekOf, type SheetRow } from './time-sheet';

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'];

describe('the time sheet', () => {
  const [recorded] = sheetRows({
    consultantId: 'ana',
    from: DAYS[0]!,
    days: DAYS,
    rows: [{ opportunityId: 'opp-1', category: 'customer_facing', hours: [2, 0, 1.5, 0, 0, 0, 0] }],
  });

  it('shows what is recorded, an empty cell for nothing', () => {
    expect(recorded!.cells).toEqual(['2', '', '1.5', '', '', '', '']);
  });

  it('records one LogTime per changed cell, for the hours added; the same change names the same entry and key', () => {
    const rows: SheetRow[] = [
      { ...recorded!, cells: ['3', '', '1.5', '0.25', '', '', ''] },
      {
        opportunityId: null,
        category: 'internal',
        recorded: [0, 0, 0, 0, 0, 0, 0],
        cells: ['', '1', '', '', '', '', ''],
      },
    ];
    const { parts, problems } = timeSheetParts('ana', DAYS, rows);
    expect(problems).toEqual({});
    expect(parts.map((part) => part.payload)).toEqual([
      expect.objectContaining({ date: '2026-03-02', hours: 1, category: 'customer_facing', opportunityId: 'opp-1' }),
      expect.objectContaining({ date: '2026-03-05', hours: 0.25, category: 'customer_facing', opportunityId: 'opp-1' }),
      {
        consultantId: 'ana',
        entryId: parts[2]!.payload['entryId'],
        date: '2026-03-03',
        hours: 1,
        category: 'internal',
      },
    ]);
    expect(parts[0]!.payload['entryId']).toMatch(/^ts-20260302-[0-9a-f]{16}$/);
    expect(parts[0]!.key).toBe(`ts.ana.${String(parts[0]!.payload['entryId'])}`);
    expect(timeSheetParts('ana', DAYS, rows).parts.map((part) => part.key)).toEqual(parts.map((part) => part.key));
    // Once recorded, the next change of the same cell is another entry.
    const after = timeSheetParts('ana', DAYS, [
      { ...rows[0]!, recorded: [3, 0, 1.5, 0.25, 0, 0, 0], cells: ['4', '', '1.5', '0.25', '', '', ''] },
    ]);
    expect(after.parts.map((part) => part.key)).not.toContain(parts[0]!.key);
  });

  it('refuses a cell that is not hours, one lowered below what is recorded, and a day over 24 hours', () => {
    const { parts, problems } = timeSheetParts('ana', DAYS, [
      { ...recorded!, cells: ['1', 'x', '1.555', '20', '', '', ''] },
      {
        opportunityId: null,
        category: 'internal',
        recorded: [0, 0, 0, 0, 0, 0, 0],
        cells: ['', '', '', '5', '', '', ''],
      },
      { opportunityId: null, category: '', recorded: [0, 0, 0, 0, 0, 0, 0], cells: ['', '', '', '', '', '', ''] },
    ]);
    expect(problems).toEqual({
      '0.0': 'decrease',
      '0.1': 'quantity',
      '0.2': 'quantity',
      '0.3': 'dayOver24',
      '1.3': 'dayOver24',
      '2.3': 'dayOver24',
      '2.category': 'required',
    });
    expect(parts).toHaveLength(2);
  });

  it('finds the Monday of a week and its neighbours, and moves in the grid with the arrows', () => {
    expect(weekOf('2026-03-05')).toEqual({ monday: '2026-03-02', previous: '2026-02-23', next: '2026-03-09' });
    expect(weekOf('2026-03-08').monday).toBe('2026-03-02');
    expect(moveInGrid({ row: 0, day: 6 }, 'ArrowRight', 2)).toEqual({ row: 0, day: 6 });
    expect(moveInGrid({ row: 0, day: 3 }, 'ArrowDown', 2)).toEqual({ row: 1, day: 3 });
    expect(moveInGrid({ row: 1, day: 3 }, 'ArrowDown', 2)).toEqual({ row: 1, day: 3 });
    expect(moveInGrid({ row: 1, day: 3 }, 'ArrowLeft', 2)).toEqual({ row: 1, day: 2 });
  });

  it('hashes a cell the same way every time, differently for another cell', () => {
    expect(stableHash('ana|2026-03-02')).toBe(stableHash('ana|2026-03-02'));
    expect(stableHash('ana|2026-03-02')).not.toBe(stableHash('ana|2026-03-03'));
  });
});
