import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { KpiCommand } from './kpi.commands.js';
import { kpiDecider } from './kpi.decider.js';
import type { KpiDefinition } from './kpi.definition.js';
import type { KpiEvent } from './kpi.events.js';

const spec = deciderSpecification(kpiDecider);
const cmd = commandOf<KpiCommand, KpiCommand['type']>;
const kpiId = 'win_rate';

const definition: KpiDefinition = {
  id: kpiId,
  names: { en: 'Win rate', zh: '赢单率' },
  unit: 'ratio',
  direction: 'up',
  defaultTarget: '0.35',
  tolerance: { greenPct: '5', amberPct: '15' },
  weight: '2',
  area: 'collaboration',
  sql: 'SELECT countIf(won) / count() FROM opportunities FINAL WHERE closed_at <= {asOf}',
  aggregate: 'ratio',
  parameters: {},
  projectTypeOverrides: { strategic: { weight: '3', target: '0.5' }, service: { counts: false } },
};
const bidRate: KpiDefinition = {
  ...definition,
  id: 'bid_rate',
  direction: 'context',
  defaultTarget: null,
  area: 'bid',
  projectTypeOverrides: {},
};
const published = (version: number, def: KpiDefinition = definition): KpiEvent => ({
  type: 'KpiDefinitionPublished',
  data: { kpiId: def.id, version, definition: def },
});
const target = { period: '2026-Q1', scope: { kind: 'team', id: 'TEAM-E' }, target: '0.4' } as const;
const targetSet: KpiEvent = { type: 'KpiTargetSet', data: target };

const publish = (def: Record<string, unknown> = definition) =>
  cmd('PublishKpiDefinition', { kpiId, definition: def as KpiDefinition });
const setTarget = (overrides: Record<string, unknown> = {}) =>
  cmd('SetKpiTarget', { kpiId, ...target, ...overrides } as never);

/** The rule the KPI stream refuses publishing `def` with (a 422 over HTTP). */
function definitionBreach(def: Record<string, unknown>): string {
  return spec.given([]).when(publish(def)).thenThrows(IllegalStateError).rule;
}

/** The "field: rule" pairs of the ValidationError publishing `def` throws. */
function definitionIssues(def: Record<string, unknown>): string[] {
  const error = spec.given([]).when(publish(def)).thenThrows(ValidationError);
  return error.issues.map((issue) => `${issue.path}: ${issue.rule}`);
}

describe('PublishKpiDefinition', () => {
  it('publishes version 1, then 2, …', () => {
    spec
      .given([])
      .when(publish())
      .then([published(1)]);
    spec
      .given([published(1)])
      .when(publish({ ...definition, weight: '3' }))
      .then([published(2, { ...definition, weight: '3' })]);
    expect(foldEvents(kpiDecider, [published(1), published(2, { ...definition, weight: '3' })])).toMatchObject({
      version: 2,
      definition: { weight: '3' },
    });
  });

  it('publishes a context KPI without a target', () => {
    const publishBidRate = cmd('PublishKpiDefinition', { kpiId: 'bid_rate', definition: bidRate });
    spec
      .given([])
      .when(publishBidRate)
      .then([published(1, bidRate)]);
  });

  it('needs the definition id to be the KPI id', () => {
    expect(definitionIssues({ ...definition, id: 'hit_rate' })).toEqual(['definition.id: must equal kpiId']);
  });

  it('validates the definition shape of KPIS.md', () => {
    expect(definitionIssues({ ...definition, names: { en: 'Win rate' } })).toEqual([
      'definition.names.zh: is required',
    ]);
    expect(definitionIssues({ ...definition, direction: 'sideways' })).toEqual([
      'definition.direction: Invalid option: expected one of "up"|"down"|"target"|"context"',
    ]);
    expect(definitionIssues({ ...definition, unit: 'furlongs' })[0]).toMatch(/^definition.unit: Invalid option/);
    expect(definitionIssues({ ...definition, area: 'sales' })[0]).toMatch(/^definition.area: Invalid option/);
    expect(definitionIssues({ ...definition, sql: ' ' })).toEqual(['definition.sql: must not be empty']);
    expect(definitionIssues({ ...definition, weight: '-1' })).toEqual(['definition.weight: must not be negative']);
    expect(definitionIssues({ ...definition, weight: 2 })).toEqual([
      'definition.weight: Invalid input: expected string, received number',
    ]);
  });

  it('needs a target unless the KPI is context, and none when it is', () => {
    expect(definitionBreach({ ...definition, defaultTarget: null })).toBe(
      'the definition breaks its rules: defaultTarget: is required for direction up',
    );
    expect(definitionBreach({ ...bidRate, id: kpiId, defaultTarget: '0.5' })).toBe(
      'the definition breaks its rules: defaultTarget: must be null: a context KPI has no target',
    );
    expect(definitionBreach({ ...bidRate, id: kpiId, projectTypeOverrides: { project: { target: '1' } } })).toBe(
      'the definition breaks its rules: projectTypeOverrides.project.target: must be absent: a context KPI has no target',
    );
  });

  it('keeps the green band inside the amber band', () => {
    expect(definitionBreach({ ...definition, tolerance: { greenPct: '20', amberPct: '15' } })).toBe(
      'the definition breaks its rules: tolerance.greenPct: must not exceed amberPct (15)',
    );
    expect(definitionIssues({ ...definition, tolerance: { greenPct: '5', amberPct: '150' } })).toEqual([
      'definition.tolerance.amberPct: must be from 0 to 100',
    ]);
  });

  it('overrides per project type only, with known fields', () => {
    expect(definitionIssues({ ...definition, projectTypeOverrides: { government: { counts: false } } })).toEqual([
      'definition.projectTypeOverrides: Unrecognized key: "government"',
    ]);
    expect(definitionIssues({ ...definition, projectTypeOverrides: { project: { counts: 'no' } } })).toEqual([
      'definition.projectTypeOverrides.project.counts: Invalid input: expected boolean, received string',
    ]);
    expect(definitionIssues({ ...definition, projectTypeOverrides: { project: { bonus: '1' } } })[0]).toMatch(
      /Unrecognized key: "bonus"/,
    );
  });

  it('defaults the aggregate to a ratio and the parameters to none', () => {
    const { aggregate: _aggregate, parameters: _parameters, ...bare } = definition;
    spec
      .given([])
      .when(publish(bare))
      .then([published(1)]);
  });

  it('keeps named parameters and rejects malformed ones', () => {
    const withSla = { ...definition, aggregate: 'median', parameters: { slaHoursByKind: { demo: 48 } } } as const;
    spec
      .given([])
      .when(publish(withSla))
      .then([published(1, withSla)]);
    expect(definitionIssues({ ...definition, parameters: { '9x': { a: 1 } } })[0]).toMatch(/^definition.parameters/);
    expect(definitionIssues({ ...definition, aggregate: 'max' })[0]).toMatch(/^definition.aggregate: Invalid option/);
  });

  it('defaults to no project-type overrides', () => {
    const { projectTypeOverrides: _omitted, ...withoutOverrides } = definition;
    spec
      .given([])
      .when(publish(withoutOverrides))
      .then([published(1, { ...definition, projectTypeOverrides: {} })]);
  });

  it('takes snake_case KPI ids', () => {
    spec
      .given([])
      .when(cmd('PublishKpiDefinition', { kpiId: 'Win-Rate', definition: { ...definition, id: 'Win-Rate' } }))
      .thenThrows(ValidationError, /kpiId = "Win-Rate": must be a snake_case id/);
  });

  it('on import, versions follow one another in the stream of their KPI', () => {
    expect(() => applyChecked(kpiDecider, kpiDecider.initialState, published(2), kpiId)).toThrow(
      'KPI win_rate: KpiDefinitionPublished version 2, but the next version is 1',
    );
    expect(() => applyChecked(kpiDecider, kpiDecider.initialState, published(1), 'hit_rate')).toThrow(
      'KPI hit_rate: KpiDefinitionPublished names "win_rate", not this stream\'s id',
    );
  });
});

describe('SetKpiTarget', () => {
  it('sets a target for a period and scope', () => {
    spec
      .given([published(1)])
      .when(setTarget())
      .then([targetSet]);
    spec
      .given([published(1), targetSet])
      .when(setTarget({ period: '2026-03', scope: { kind: 'org' } }))
      .then([{ type: 'KpiTargetSet', data: { ...target, period: '2026-03', scope: { kind: 'org' } } }]);
  });

  it('needs a definition first', () => {
    spec
      .given([])
      .when(setTarget())
      .thenThrows(NotFoundError, 'KPI win_rate: not found (KpiTargetSet needs KpiDefinitionPublished first)');
  });

  it('sets no target for a context KPI', () => {
    spec
      .given([published(1, bidRate)])
      .when(cmd('SetKpiTarget', { kpiId: 'bid_rate', ...target }))
      .thenThrows(IllegalStateError, 'KPI bid_rate: KpiTargetSet for a context KPI: it has no target');
  });

  it('takes a period 2026-Q1 or 2026-03', () => {
    for (const period of ['2026-Q5', '2026-13', '2026-3', '26-Q1', '2026-q1', '2026-00']) {
      spec
        .given([published(1)])
        .when(setTarget({ period }))
        .thenThrows(
          ValidationError,
          `SetKpiTarget: period = "${period}": must be a quarter such as 2026-Q1 or a month such as 2026-03`,
        );
    }
  });

  it('names the scope: an id unless org, none for org', () => {
    spec
      .given([published(1)])
      .when(setTarget({ scope: { kind: 'consultant' } }))
      .thenThrows(ValidationError, 'SetKpiTarget: scope.id = missing: is required for a consultant scope');
    spec
      .given([published(1)])
      .when(setTarget({ scope: { kind: 'org', id: 'ACME' } }))
      .thenThrows(ValidationError, 'SetKpiTarget: scope.id = "ACME": must be absent for the org scope');
    spec
      .given([published(1)])
      .when(setTarget({ scope: { kind: 'product_line', id: 'erp' } }))
      .then([{ type: 'KpiTargetSet', data: { ...target, scope: { kind: 'product_line', id: 'erp' } } }]);
  });

  it('takes the target as a decimal string', () => {
    spec
      .given([published(1)])
      .when(setTarget({ target: 0.4 }))
      .thenThrows(ValidationError, 'SetKpiTarget: target = 0.4: Invalid input: expected string, received number');
  });
});
