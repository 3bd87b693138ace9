import { hash } from 'node:crypto';
import {
  assessMaturity,
  buildScorecard,
  formatScope,
  type AnalyticsStore,
  type FxRates,
  type KpiScope,
} from '@presales/analytics';
import type { MaturityResponse, ScorecardResponse } from '@presales/contracts';
import { ValidationError } from '@presales/domain';
import { canonicalJson } from '@presales/event-store';
import { formatPeriod, type PublishedKpi, type Period } from '@presales/kpi';
import { ProjectionBehindError } from '../errors.js';
import { roundFigures, SNAPSHOT_SIGNIFICANT_DIGITS } from './stable-figures.js';

export interface KpiSnapshotRequest {
  readonly asOf: Date;
  readonly period: Period;
  readonly scope: KpiScope;
  /** Maturity window in quarters before asOf's quarter. */
  readonly windowQuarters: number;
  readonly threshold: number;
  /**
   * The KPI definitions in force at a moment (KPI definitions are data, DESIGN.md decision 10),
   * read only once the tables hold everything recorded by asOf.
   */
  readonly definitionsAt: (asOf: Date) => Promise<readonly PublishedKpi[]>;
  readonly fx: FxRates;
}

/** How far the analytics tables are behind the event store. */
export interface ProjectionProgress {
  /** `$all` position of the newest recorded event. */
  headPosition(): Promise<bigint>;
  /** Resolves true once every event up to `position` is in the tables, false after `timeoutMs`. */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean>;
}

/** The scorecard and maturity levels exactly as they were at asOf. */
export interface KpiSnapshot {
  /** How precise the figures are, said in the bytes themselves (stable-figures.ts). */
  readonly figures: string;
  readonly asOf: string;
  readonly period: string;
  readonly scope: string;
  readonly scorecard: ScorecardResponse;
  readonly maturity: MaturityResponse;
}

export interface KpiSnapshotAnswer {
  readonly snapshot: KpiSnapshot;
  /** The snapshot as canonical JSON: the bytes that must be the same whenever it is asked again. */
  readonly canonical: string;
  readonly sha256: string;
}

/**
 * An append stamps recordedAt when its transaction starts and becomes visible when it commits;
 * an asOf this close to now could still gain an event stamped before it. Older moments cannot.
 */
export const SETTLED_AFTER_MS = 5000;
const PROJECTION_WAIT_MS = 10_000;

/**
 * KPI time travel (DESIGN.md decision 11): every query counts only events recorded by asOf, so
 * the answer depends on nothing recorded later, provided every event recorded by asOf is
 * already in the tables. So: asOf must lie in the settled past, and the projection must have
 * caught up with the log's head before the tables are read; otherwise the request is refused
 * instead of answered with a number that could still change.
 */
export async function kpiSnapshotAsOf(
  analytics: AnalyticsStore,
  projection: ProjectionProgress,
  now: Date,
  request: KpiSnapshotRequest,
): Promise<KpiSnapshotAnswer> {
  const settled = new Date(now.getTime() - SETTLED_AFTER_MS);
  if (request.asOf > settled) {
    throw new ValidationError('KPI time travel', [
      {
        path: 'asOf',
        value: request.asOf.toISOString(),
        rule: `must be at or before ${settled.toISOString()}: later moments can still gain events`,
      },
    ]);
  }
  const head = await projection.headPosition();
  if (!(await projection.waitForPosition(head, PROJECTION_WAIT_MS)))
    throw new ProjectionBehindError(head, PROJECTION_WAIT_MS);
  const { asOf, period, scope, fx } = request;
  const definitions = await request.definitionsAt(asOf);
  const scorecard = await buildScorecard(analytics, { definitions, period, scope, asOf, fx });
  const maturity = await assessMaturity(analytics, {
    asOf,
    windowQuarters: request.windowQuarters,
    threshold: request.threshold,
    definitions,
    fx,
  });
  const snapshot: KpiSnapshot = {
    figures: `non-integer numbers rounded to ${SNAPSHOT_SIGNIFICANT_DIGITS} significant digits`,
    asOf: asOf.toISOString(),
    period: formatPeriod(period),
    scope: formatScope(scope),
    scorecard: roundFigures(scorecard),
    maturity: roundFigures(maturity),
  };
  const canonical = canonicalJson(snapshot);
  return { snapshot, canonical, sha256: hash('sha256', canonical, 'hex') };
}
