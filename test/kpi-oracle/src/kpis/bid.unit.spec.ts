import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

/**
 * T1 (O1, erp)  received 03-01 00:00, deadline 03-10 12:00, bid 03-02, submitted exactly at the
 *               deadline (228 h), awarded 03-20.
 * T2 (O2, crm)  received 02-20, deadline 03-05, bid 02-21, submitted 03-05 06:00 — late (318 h),
 *               not awarded 03-25.
 * T3 (O3, crm)  received 03-03, no_bid 03-04.
 * T4 (O3, crm)  received 03-05, bid 03-06, submitted 03-08 (72 h), cancelled 03-28.
 * T5 (O1, erp)  received 03-01, submitted 03-02 (24 h) but recorded 04-05; awarded 03-15, then
 *               corrected to not_awarded 03-16 (both recorded 04-06).
 * c1 (team-a) is assigned to O1.
 */
function tenders(): Scenario {
  return new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' })
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .opportunity('O3', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .assigned('c1', 'X1', 'O1', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .tender('T1', 'O1', '2026-03-01T00:00:00Z', '2026-03-10T12:00:00Z')
    .bidDecision('T1', 'bid', '2026-03-02T00:00:00Z')
    .submitted('T1', '2026-03-10T12:00:00Z')
    .bidOutcome('T1', 'awarded', '2026-03-20T00:00:00Z')
    .tender('T2', 'O2', '2026-02-20T00:00:00Z', '2026-03-05T00:00:00Z')
    .bidDecision('T2', 'bid', '2026-02-21T00:00:00Z')
    .submitted('T2', '2026-03-05T06:00:00Z')
    .bidOutcome('T2', 'not_awarded', '2026-03-25T00:00:00Z')
    .tender('T3', 'O3', '2026-03-03T00:00:00Z', '2026-03-20T00:00:00Z')
    .bidDecision('T3', 'no_bid', '2026-03-04T00:00:00Z')
    .tender('T4', 'O3', '2026-03-05T00:00:00Z', '2026-03-15T00:00:00Z')
    .bidDecision('T4', 'bid', '2026-03-06T00:00:00Z')
    .submitted('T4', '2026-03-08T00:00:00Z')
    .bidOutcome('T4', 'cancelled', '2026-03-28T00:00:00Z')
    .tender('T5', 'O1', '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z')
    .submitted('T5', { at: '2026-03-02T00:00:00Z', recordedAt: '2026-04-05T00:00:00Z' })
    .bidOutcome('T5', 'awarded', { at: '2026-03-15T00:00:00Z', recordedAt: '2026-04-06T00:00:00Z' })
    .bidOutcome('T5', 'not_awarded', { at: '2026-03-16T00:00:00Z', recordedAt: '2026-04-06T00:00:00Z' });
}
const BEFORE_T5 = '2026-04-01T00:00:00Z';

describe('bid_rate: bid ÷ BidDecisionMade in P', () => {
  const events = tenders().events;
  it('counts the decisions in P', () => {
    // March: T1 bid, T3 no_bid, T4 bid (T2 decided in February).
    expect(oracleKpi('bid_rate', events, oracleQuery('2026-03'))).toBe(2 / 3);
    expect(oracleKpi('bid_rate', events, oracleQuery('2026-Q1'))).toBe(3 / 4);
    expect(oracleKpi('bid_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } }))).toBe(
      1 / 2,
    );
    expect(oracleKpi('bid_rate', events, oracleQuery('2026-04'))).toBeNull();
  });
});

describe('hit_rate: awarded ÷ tenders with a non-cancelled outcome in P', () => {
  const events = tenders().events;
  it('leaves cancelled tenders out and takes the latest outcome of a tender', () => {
    // T1 awarded, T2 not awarded, T5 awarded then corrected to not awarded; T4 cancelled.
    expect(oracleKpi('hit_rate', events, oracleQuery('2026-03'))).toBe(1 / 3);
    expect(oracleKpi('hit_rate', events, oracleQuery('2026-03', { asOf: BEFORE_T5 }))).toBe(1 / 2);
    expect(oracleKpi('hit_rate', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } }))).toBe(
      1 / 2,
    ); // T1, T5
    expect(oracleKpi('hit_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } }))).toBe(
      0,
    ); // T2 (T4 cancelled)
    expect(oracleKpi('hit_rate', events, oracleQuery('2026-02'))).toBeNull();
  });
});

describe('on_time_submission_rate: submissions at or before the deadline ÷ BidSubmitted in P', () => {
  const events = tenders().events;
  it('counts a submission exactly at the deadline as on time', () => {
    // T1 (at the deadline) on time, T2 late, T4 and T5 on time.
    expect(oracleKpi('on_time_submission_rate', events, oracleQuery('2026-03'))).toBe(3 / 4);
    expect(oracleKpi('on_time_submission_rate', events, oracleQuery('2026-03', { asOf: BEFORE_T5 }))).toBe(2 / 3);
    expect(
      oracleKpi(
        'on_time_submission_rate',
        events,
        oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } }),
      ),
    ).toBe(1 / 2);
    expect(oracleKpi('on_time_submission_rate', events, oracleQuery('2026-04'))).toBeNull();
  });
});

describe('times compared in milliseconds (docs/kpis.md clarifications)', () => {
  it('drops digits below the millisecond: 0.4 ms after the deadline is on time', () => {
    const events = new Scenario()
      .opportunity('O1', '2026-02-01T00:00:00Z')
      .tender('T1', 'O1', '2026-03-01T00:00:00Z', '2026-03-10T12:00:00Z')
      .submitted('T1', '2026-03-10T12:00:00.0004Z')
      .tender('T2', 'O1', '2026-03-01T00:00:00Z', '2026-03-10T12:00:00Z')
      .submitted('T2', '2026-03-10T12:00:00.001Z').events;
    expect(oracleKpi('on_time_submission_rate', events, oracleQuery('2026-03'))).toBe(1 / 2);
  });
});

describe('bid_turnaround_hours: median hours TenderReceived → BidSubmitted, submissions in P', () => {
  const events = tenders().events;
  it('takes the middle value, or the mean of the two middle values', () => {
    // 24, 72, 228, 318 → (72 + 228) ÷ 2; without T5: 72, 228, 318 → 228.
    expect(oracleKpi('bid_turnaround_hours', events, oracleQuery('2026-03'))).toBe(150);
    expect(oracleKpi('bid_turnaround_hours', events, oracleQuery('2026-03', { asOf: BEFORE_T5 }))).toBe(228);
    expect(
      oracleKpi('bid_turnaround_hours', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(126); // 24, 228
    expect(
      oracleKpi('bid_turnaround_hours', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(195); // 72, 318
    expect(oracleKpi('bid_turnaround_hours', events, oracleQuery('2026-02'))).toBeNull();
  });
});

describe('review_first_pass_rate: tenders whose first review is in P and approved ÷ tenders whose first review is in P', () => {
  /**
   * T1: approved 03-05. T2: rework 02-25 (first, February), approved 03-01. T4: approved 03-07,
   * then a review that occurred earlier (rejected, 03-06) recorded 03-09: it is the first review.
   * T6: two reviews at the same instant, rejected appended before approved.
   */
  const events = tenders()
    .review('T1', 'V1', 'approved', '2026-03-05T00:00:00Z')
    .review('T2', 'V2', 'rework', '2026-02-25T00:00:00Z')
    .review('T2', 'V3', 'approved', '2026-03-01T00:00:00Z')
    .review('T4', 'V4', 'approved', '2026-03-07T00:00:00Z')
    .review('T4', 'V5', 'rejected', { at: '2026-03-06T00:00:00Z', recordedAt: '2026-03-09T00:00:00Z' })
    .tender('T6', 'O2', '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z')
    .review('T6', 'V6', 'rejected', '2026-03-10T00:00:00Z')
    .review('T6', 'V7', 'approved', '2026-03-10T00:00:00Z').events;

  it('finds the first review by occurredAt, then position', () => {
    // March: T1 pass, T4 fail (first is the rejected 03-06), T6 fail (rejected comes first).
    expect(oracleKpi('review_first_pass_rate', events, oracleQuery('2026-03'))).toBe(1 / 3);
    // Q1 adds T2, whose first review (rework) is in February.
    expect(oracleKpi('review_first_pass_rate', events, oracleQuery('2026-Q1'))).toBe(1 / 4);
    expect(oracleKpi('review_first_pass_rate', events, oracleQuery('2026-02'))).toBe(0);
  });

  it('knows only reviews recorded by asOf', () => {
    // At 03-08 the rejected review of T4 is not recorded yet (nor T6's): T1 and T4 pass.
    expect(oracleKpi('review_first_pass_rate', events, oracleQuery('2026-03', { asOf: '2026-03-08T00:00:00Z' }))).toBe(
      1,
    );
    expect(oracleKpi('review_first_pass_rate', events, oracleQuery('2026-04'))).toBeNull();
  });
});
