import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { IllegalStateError, NotFoundError } from '../shared/errors.js';
import { metadataAt } from '../testing/command-fixture.js';
import { AGGREGATES } from './aggregates.js';
import { parseStreamEvent } from './stream-events.js';

// One valid creating event per category, as an import line would carry it: [stream id, data].
const CREATIONS: Record<string, readonly [string, object]> = {
  opportunity: [
    'O-1',
    {
      opportunityId: 'O-1',
      name: 'ERP',
      customer: 'Grid',
      industry: 'utilities',
      region: 'East',
      productLines: ['erp'],
      projectType: 'project',
      estimatedValue: { amount: '1', currency: 'CNY' },
      salesOwnerId: 'S-1',
    },
  ],
  tender: [
    'T-1',
    { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'City', deadline: '2026-03-01T09:00:00Z' },
  ],
  quote: [
    'Q-1',
    {
      quoteId: 'Q-1',
      opportunityId: 'O-1',
      currency: 'CNY',
      lines: [
        {
          lineId: 'L-1',
          productLine: 'erp',
          sku: 'S',
          description: 'd',
          quantity: '1',
          unitPrice: '2',
          unitCost: '1',
          discountPct: '0',
        },
      ],
    },
  ],
  activity: [
    'ACT-1',
    {
      activityId: 'ACT-1',
      opportunityId: 'O-1',
      kind: 'demo',
      consultantIds: ['C-1'],
      scheduledFor: '2026-02-12T02:00:00Z',
      plannedHours: 2,
    },
  ],
  consultant: [
    'C-1',
    {
      consultantId: 'C-1',
      name: 'Li',
      teamId: 'TEAM-E',
      level: 'senior',
      productLines: [],
      skills: [],
      weeklyCapacityHours: 40,
      hourlyCost: { amount: '450', currency: 'CNY' },
    },
  ],
  team: ['TEAM-E', { teamId: 'TEAM-E', name: 'East', managerId: 'M-1', productLines: [] }],
  warroom: ['W-1', { warRoomId: 'W-1', opportunityId: 'O-1', commanderId: 'C-1', memberIds: [], reason: 'big bid' }],
  asset: ['A-1', { assetId: 'A-1', kind: 'answer', title: 'SSO answer', productLines: [], ownerId: 'C-1' }],
  gap: ['G-1', { gapId: 'G-1', productLine: 'erp', title: 'No SM4', severity: 'major' }],
  process: ['bid', { area: 'bid', version: 1, checklist: ['score the bid'] }],
  kpi: [
    'win_rate',
    {
      kpiId: 'win_rate',
      version: 1,
      definition: {
        id: 'win_rate',
        names: { en: 'Win rate', zh: '赢单率' },
        unit: 'ratio',
        direction: 'up',
        defaultTarget: '0.35',
        tolerance: { greenPct: '5', amberPct: '15' },
        weight: '1',
        area: 'collaboration',
        sql: 'SELECT 1',
      },
    },
  ],
  action: [
    'CA-1',
    {
      actionId: 'CA-1',
      kpiId: 'win_rate',
      period: '2026-Q1',
      scope: { kind: 'org' },
      rootCause: 'r',
      action: 'a',
      ownerId: 'M-1',
      dueAt: '2026-04-30T00:00:00Z',
    },
  ],
};

describe.each(AGGREGATES.map((aggregate) => [aggregate.category, aggregate] as const))(
  '%s aggregate',
  (category, aggregate) => {
    const [id, data] = CREATIONS[category]!;
    const { event: creation } = parseStreamEvent(`${category}-${id}`, aggregate.createdBy, data, 'line 1');
    const { decider } = aggregate;
    const created = applyChecked(decider, decider.initialState, creation, id);

    it(`is created by ${aggregate.createdBy}, once`, () => {
      expect(created).not.toEqual(decider.initialState);
      expect(() => applyChecked(decider, created, creation, id)).toThrow(IllegalStateError);
    });

    it('accepts no event before the creating one', () => {
      for (const type of Object.keys(aggregate.events).filter((t) => t !== aggregate.createdBy)) {
        const early = { type, data: {} } as never;
        expect(() => decider.check(decider.initialState, early, id, metadataAt().occurredAt), type).toThrow(
          NotFoundError,
        );
        expect(() => decider.check(decider.initialState, early, id, metadataAt().occurredAt), type).toThrow(
          `needs ${aggregate.createdBy} first`,
        );
      }
    });

    it('fails loudly on an event or command type it does not know', () => {
      const bogus = { type: 'Bogus', data: creation.data } as never;
      expect(() => decider.evolve(created, bogus)).toThrow(/^unhandled .*event: /);
      expect(() => decider.check(created, bogus, id, metadataAt().occurredAt)).toThrow(/^unhandled .*event/);
      expect(() => decider.decide({ type: 'Bogus', data: {}, metadata: metadataAt() } as never, created)).toThrow(
        'no schema for command Bogus',
      );
    });
  },
);
