import type {
  KpiCatalogChange,
  MaturityResponse,
  PublishCatalogChangesResponse,
  ScorecardLine,
  ScorecardResponse,
} from '@presales/contracts';
import { formatKpiValue, formatStatus, formatTarget } from '@presales/kpi';
import { formatTable } from './format-rows.js';
import { reportFailure } from './cli-error.js';
import { callPlatform, platformUrl } from './platform-client.js';

const TREND_MARK: Readonly<Record<ScorecardLine['check']['trend'], string>> = {
  improving: '↑',
  worsening: '↓',
  flat: '→',
  no_data: '',
};

export function scorecardTable(card: ScorecardResponse): string {
  const rows = card.lines.map((line) => ({
    kpi: line.kpiId,
    area: line.area,
    target: formatTarget(line.plan.target, line.unit),
    actual: line.do.error === null ? formatKpiValue(line.do.actual, line.unit) : 'error',
    variance:
      line.check.variance === null
        ? ''
        : `${line.check.variance >= 0 ? '+' : ''}${(line.check.variance * 100).toFixed(1)} %`,
    status: formatStatus(line.check.status),
    trend: TREND_MARK[line.check.trend],
    units: line.do.units,
    actions:
      line.act.open + line.act.completed + line.act.verifiedEffective + line.act.verifiedIneffective === 0
        ? ''
        : `${line.act.open} open, ${line.act.completed} done, ${line.act.verifiedEffective} effective`,
  }));
  const columns = ['kpi', 'area', 'target', 'actual', 'variance', 'status', 'trend', 'units', 'actions'].map(
    (name) => ({ name, type: name === 'units' ? 'UInt64' : 'String' }),
  );
  const { score, shortBoard } = card.composite;
  const summary =
    score === null
      ? 'composite: no data'
      : `composite: ${(score * 100).toFixed(1)} %${shortBoard === null ? '' : ` (capped by the weakest KPI, ${shortBoard.kpiId} at ${(shortBoard.attainment * 100).toFixed(1)} %)`}`;
  const errors = card.lines.filter((line) => line.do.error !== null).map((line) => `error: ${line.do.error}`);
  return [
    `Scorecard ${card.period}, ${card.scope}, as of ${card.asOf} (amounts in ${card.reportingCurrency})`,
    formatTable(columns, rows),
    summary,
    ...errors,
  ].join('\n');
}

export function maturityTable(result: MaturityResponse, detailed: boolean): string {
  const header = `Maturity as of ${result.asOf}, window ${result.window.quarters.join(' + ')}, threshold ${(result.threshold * 100).toFixed(0)} %`;
  if (!detailed) {
    const rows = result.areas.map((area) => {
      const blocking = area.levels.find((level) => !level.satisfied);
      const failing = blocking?.practices.filter((p) => !p.passed).map((p) => p.id) ?? [];
      return {
        area: area.area,
        level: area.level,
        name: `${area.name} ${area.zh}`,
        next: blocking === undefined ? '' : `level ${blocking.level} needs: ${failing.join(', ')}`,
      };
    });
    return `${header}\n${formatTable(
      ['area', 'level', 'name', 'next'].map((name) => ({ name, type: name === 'level' ? 'UInt8' : 'String' })),
      rows,
    )}`;
  }
  const rows = result.areas.flatMap((area) =>
    area.levels.flatMap((level) =>
      level.practices.map((p) => ({
        level: level.level,
        practice: p.id,
        evidence: `${p.evidence}/${p.units}`,
        share: p.share === null ? '' : `${(p.share * 100).toFixed(1)} %`,
        needed: `${(p.threshold * 100).toFixed(0)} %`,
        result: p.passed ? 'pass' : 'FAIL',
        failing: p.failingUnitIds.slice(0, 5).join(', ') + (p.failingUnitIds.length > 5 ? ', …' : ''),
      })),
    ),
  );
  const levels = result.areas.map((a) => `${a.area}: level ${a.level} ${a.name} ${a.zh}`).join('\n');
  // What each failing practice asks for, so "FAIL" reads as a rule (docs/maturity.md).
  const failed = result.areas.flatMap((area) =>
    area.levels.flatMap((level) => level.practices.filter((p) => !p.passed)),
  );
  const why = failed.map(
    (p) => `${p.id}: ${p.meaning.en}\n  ${p.meaning.zh}${p.reason === undefined ? '' : ` (${p.reason})`}`,
  );
  const table = formatTable(
    ['level', 'practice', 'evidence', 'share', 'needed', 'result', 'failing'].map((name) => ({
      name,
      type: name === 'level' ? 'UInt8' : 'String',
    })),
    rows,
  );
  return [header, levels, table, ...(why.length === 0 ? [] : ['', 'failing practices · 未通过的实践:', ...why])].join(
    '\n',
  );
}

function query(options: Readonly<Record<string, string>>, names: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams();
  for (const [option, param] of Object.entries(names))
    if (options[option] !== undefined) params.set(param, options[option]!);
  return params.toString();
}

/** `presales kpi [catalog-changes [publish]] [options]`: the scorecard, or the catalog's changes. */
export async function runKpiCommand(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  const [sub, action, ...rest] = positional;
  if (sub === undefined) return runKpi(options);
  if (sub === 'catalog-changes' && (action === undefined || action === 'publish') && rest.length === 0)
    return runCatalogChanges(action === 'publish', options);
  console.error(
    `presales kpi: unknown argument ${JSON.stringify(positional.join(' '))}; expected nothing (the scorecard) or catalog-changes [publish]`,
  );
  return 2;
}

/**
 * `presales kpi catalog-changes [publish]`: the KPIs whose definition in this release's catalog
 * differs from the version in force; with publish, publishes them as new versions (as a manager,
 * decision 0015).
 */
export async function runCatalogChanges(publish: boolean, options: Readonly<Record<string, string>>): Promise<number> {
  try {
    const base = platformUrl(options);
    const changes = await callPlatform<KpiCatalogChange[]>(base, '/api/kpis/catalog-changes');
    if (changes.length === 0) {
      console.log("The definitions in force are the catalog's: nothing to publish.");
      return 0;
    }
    const rows = changes.map((change) => ({
      kpi: change.kpiId,
      'version in force': change.versionInForce,
      'the catalog changes': change.changed.join(', '),
    }));
    console.log(
      formatTable(
        ['kpi', 'version in force', 'the catalog changes'].map((name) => ({ name, type: 'String' })),
        rows,
      ),
    );
    if (!publish) {
      console.log('presales kpi catalog-changes publish publishes these as new versions.');
      return 0;
    }
    const result = await callPlatform<PublishCatalogChangesResponse>(base, '/api/kpis/catalog-changes', {
      method: 'POST',
      body: {},
    });
    for (const published of result.published) console.log(`published ${published.kpiId} version ${published.version}`);
    if (!result.projected)
      console.log('(the read models will include them in a moment; GET /api/health shows the projector lag)');
    return 0;
  } catch (error) {
    return reportFailure('kpi catalog-changes', error);
  }
}

/** `presales kpi [--period P] [--scope S] [--as-of T] [--project-type X]`: the PDCA scorecard. */
export async function runKpi(options: Readonly<Record<string, string>>): Promise<number> {
  const now = new Date();
  const withPeriod = {
    period: `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`,
    ...options,
  };
  try {
    const card = await callPlatform<ScorecardResponse>(
      platformUrl(options),
      `/api/kpis/scorecard?${query(withPeriod, { period: 'period', scope: 'scope', 'as-of': 'asOf', 'project-type': 'projectType', version: 'version' })}`,
    );
    console.log(scorecardTable(card));
    return 0;
  } catch (error) {
    return reportFailure('kpi', error);
  }
}

/** `presales maturity [--as-of T] [--window N] [--area A]`: levels per area, or one area's practices. */
export async function runMaturity(options: Readonly<Record<string, string>>): Promise<number> {
  const path = options['area'] === undefined ? '/api/maturity' : `/api/maturity/${encodeURIComponent(options['area'])}`;
  try {
    const result = await callPlatform<MaturityResponse>(
      platformUrl(options),
      `${path}?${query(options, { 'as-of': 'asOf', window: 'window', threshold: 'threshold' })}`,
    );
    console.log(maturityTable(result, options['area'] !== undefined));
    return 0;
  } catch (error) {
    return reportFailure('maturity', error);
  }
}
