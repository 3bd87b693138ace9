import type { TenderCard } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import { boardColumns, countdown, loadPct, moveOnBoard } from './tender-board';

const card = (tenderId: string, stage: TenderCard['stage'], deadline: string): TenderCard => ({
  tenderId,
  opportunityId: 'opp-1',
  issuer: 'Port',
  kind: 'rfp',
  deadline,
  stage,
  ending: null,
  sections: { assigned: 0, drafted: 0 },
  reviews: 0,
  warRoom: null,
});

const tenders = [
  card('T-3', 'drafting', '2026-03-09T00:00:00.000Z'),
  card('T-1', 'received', '2026-03-05T00:00:00.000Z'),
  card('T-2', 'drafting', '2026-03-02T00:00:00.000Z'),
  card('T-4', 'submitted', '2026-03-01T00:00:00.000Z'),
];

describe('the tender board', () => {
  it('has one column per stage, in the order a tender moves, each by deadline', () => {
    expect(boardColumns(tenders).map((column) => [column.stage, column.cards.map((c) => c.tenderId)])).toEqual([
      ['received', ['T-1']],
      ['decided', []],
      ['drafting', ['T-2', 'T-3']],
      ['in_review', []],
      ['submitted', ['T-4']],
      ['outcome', []],
    ]);
  });

  it('moves the focus with the arrows: within a column, and across to the nearest column with cards', () => {
    const columns = boardColumns(tenders);
    expect(moveOnBoard(columns, { column: 0, row: 0 }, 'ArrowRight')).toEqual({ column: 2, row: 0 });
    expect(moveOnBoard(columns, { column: 2, row: 0 }, 'ArrowDown')).toEqual({ column: 2, row: 1 });
    expect(moveOnBoard(columns, { column: 2, row: 1 }, 'ArrowDown')).toEqual({ column: 2, row: 1 });
    expect(moveOnBoard(columns, { column: 2, row: 1 }, 'ArrowRight')).toEqual({ column: 4, row: 0 });
    expect(moveOnBoard(columns, { column: 4, row: 0 }, 'ArrowRight')).toEqual({ column: 4, row: 0 });
    expect(moveOnBoard(columns, { column: 2, row: 1 }, 'ArrowLeft')).toEqual({ column: 0, row: 0 });
    expect(moveOnBoard(columns, { column: 2, row: 1 }, 'ArrowUp')).toEqual({ column: 2, row: 0 });
    expect(moveOnBoard(columns, { column: 2, row: 1 }, 'Enter')).toEqual({ column: 2, row: 1 });
  });

  it('counts down to a deadline in days and hours, urgent under 3 days, overdue past it', () => {
    const now = Date.parse('2026-03-01T00:00:00.000Z');
    expect(countdown('2026-03-05T06:30:00.000Z', now)).toEqual({ overdue: false, days: 4, hours: 6, urgent: false });
    expect(countdown('2026-03-02T05:00:00.000Z', now)).toEqual({ overdue: false, days: 1, hours: 5, urgent: true });
    expect(countdown('2026-02-28T21:00:00.000Z', now)).toEqual({ overdue: true, days: 0, hours: 3, urgent: false });
  });

  it("shows a war room member's load against their capacity", () => {
    expect(loadPct(30, 40)).toBe(75);
    expect(loadPct(30, null)).toBeNull();
  });
});
