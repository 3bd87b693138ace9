import type { ScorecardResponse } from '@presales/contracts';
import { compositeSummary, scorecardRows } from './scorecard-rows';

/** Fills the scorecard table: one row per KPI, the actual linking to its units (drill-down). */
export function renderScorecard(card: ScorecardResponse, table: HTMLTableElement, summary: HTMLElement): void {
  const body = table.tBodies[0]!;
  body.replaceChildren(
    ...scorecardRows(card).map((row) => {
      const tr = document.createElement('tr');
      const cell = (text: string, className?: string) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (className !== undefined) td.className = className;
        tr.append(td);
        return td;
      };
      cell(row.kpi);
      cell(row.area);
      cell(row.target, 'number');
      const actual = cell('', 'number');
      const link = document.createElement('a');
      link.href = row.unitsHref;
      link.textContent = row.actual;
      link.title = row.error ?? 'the units behind this value';
      actual.append(link);
      cell(row.variance, 'number');
      cell(row.statusText).dataset['status'] = row.status;
      cell(row.trend);
      cell(row.actions);
      return tr;
    }),
  );
  summary.dataset['lines'] = String(card.lines.length);
  summary.textContent = compositeSummary(card);
}
