import { TENDER_STAGES, type TenderCard, type TenderStage } from '@presales/contracts';

export interface BoardColumn {
  readonly stage: TenderStage;
  readonly cards: readonly TenderCard[];
}

/** The board's columns in the order a tender moves through them, each by deadline, soonest first. */
export function boardColumns(tenders: readonly TenderCard[]): BoardColumn[] {
  return TENDER_STAGES.map((stage) => ({
    stage,
    cards: tenders
      .filter((tender) => tender.stage === stage)
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.tenderId.localeCompare(b.tenderId)),
  }));
}

export interface Countdown {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  /** Less than 3 days left: the card says so. */
  readonly urgent: boolean;
}

/** Whole days and hours to a deadline (or past it), for a card's countdown. */
export function countdown(deadline: string, now: number): Countdown {
  const left = Date.parse(deadline) - now;
  const hoursTotal = Math.floor(Math.abs(left) / 3_600_000);
  return {
    overdue: left < 0,
    days: Math.floor(hoursTotal / 24),
    hours: hoursTotal % 24,
    urgent: left >= 0 && left < 3 * 86_400_000,
  };
}

export interface CardPosition {
  readonly column: number;
  readonly row: number;
}

/**
 * Where an arrow key moves the focus on the board: up and down within a column, left and right
 * to the nearest column that has cards, keeping the row when it can. Other keys move nothing.
 */
export function moveOnBoard(columns: readonly BoardColumn[], from: CardPosition, key: string): CardPosition {
  const sizes = columns.map((column) => column.cards.length);
  if (key === 'ArrowUp') return { column: from.column, row: Math.max(0, from.row - 1) };
  if (key === 'ArrowDown') return { column: from.column, row: Math.min(sizes[from.column]! - 1, from.row + 1) };
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return from;
  const step = key === 'ArrowLeft' ? -1 : 1;
  for (let column = from.column + step; column >= 0 && column < columns.length; column += step)
    if (sizes[column]! > 0) return { column, row: Math.min(from.row, sizes[column]! - 1) };
  return from;
}

/** The load of a war room member as a share of their weekly capacity, null when the capacity is unknown. */
export function loadPct(hours: number, weeklyCapacityHours: number | null): number | null {
  return weeklyCapacityHours === null || weeklyCapacityHours === 0
    ? null
    : Math.round((hours / weeklyCapacityHours) * 100);
}
