import { describe, expect, it } from 'vitest';
import { parseDomainEvent } from '../catalog/event-catalog.js';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { OpportunityCommand } from './opportunity.commands.js';
import { opportunityDecider } from './opportunity.decider.js';
import type { OpportunityEvent } from './opportunity.events.js';

const spec = deciderSpecification(opportunityDecider);
const cmd = commandOf<OpportunityCommand, OpportunityCommand['type']>;
const opportunityId = 'O-1';

const registration = {
  opportunityId,
  name: 'ERP renewal',
  customer: 'Zhejiang Grid',
  industry: 'utilities',
  region: 'East China',
  productLines: ['erp', 'bi'],
  projectType: 'strategic',
  estimatedValue: { amount: '5000000', currency: 'CNY' },
  salesOwnerId: 'S-1',
} as const;
const registered: OpportunityEvent = { type: 'OpportunityRegistered', data: registration };
const toDiscovery: OpportunityEvent = { type: 'OpportunityStageChanged', data: { from: 'lead', to: 'discovery' } };
const requested: OpportunityEvent = {
  type: 'PresalesSupportRequested',
  data: { requestId: 'R-1', requestedBy: 'S-1', kind: 'demo', productLine: 'erp', dueAt: '2026-02-10T09:00:00Z' },
};
const acknowledged: OpportunityEvent = {
  type: 'PresalesSupportAcknowledged',
  data: { requestId: 'R-1', consultantId: 'C-1' },
};
const captured: OpportunityEvent = {
  type: 'RequirementCaptured',
  data: {
    requirementId: 'REQ-1',
    title: 'Single sign-on',
    category: 'non_functional',
    priority: 'must',
    source: 'rfp',
  },
};
const assessed: OpportunityEvent = {
  type: 'RequirementFitAssessed',
  data: { requirementId: 'REQ-1', fit: 'gap', productLine: 'erp', gapId: 'G-1', effortDays: 12.5 },
};
const technicalWin: OpportunityEvent = { type: 'TechnicalDecisionRecorded', data: { outcome: 'technical_win' } };
const won: OpportunityEvent = { type: 'OpportunityWon', data: { amount: { amount: '4800000', currency: 'CNY' } } };
const lost: OpportunityEvent = {
  type: 'OpportunityLost',
  data: { reason: 'competitor', competitor: 'Rival Ltd', productGapIds: ['G-1'] },
};
const qualifiedOut: OpportunityEvent = { type: 'OpportunityQualifiedOut', data: { reason: 'no budget this year' } };

const register = cmd('RegisterOpportunity', registration);
const changeStage = (to: 'lead' | 'discovery' | 'solution') => cmd('ChangeOpportunityStage', { opportunityId, to });
const requestSupport = cmd('RequestPresalesSupport', {
  opportunityId,
  requestId: 'R-1',
  requestedBy: 'S-1',
  kind: 'demo',
  productLine: 'erp',
  dueAt: '2026-02-10T09:00:00Z',
});
const acknowledge = cmd('AcknowledgePresalesSupport', { opportunityId, requestId: 'R-1', consultantId: 'C-1' });
const capture = cmd('CaptureRequirement', {
  opportunityId,
  requirementId: 'REQ-1',
  title: 'Single sign-on',
  category: 'non_functional',
  priority: 'must',
  source: 'rfp',
});
const assess = cmd('AssessRequirementFit', {
  opportunityId,
  requirementId: 'REQ-1',
  fit: 'gap',
  productLine: 'erp',
  gapId: 'G-1',
  effortDays: 12.5,
});
const recordTechnicalWin = cmd('RecordTechnicalDecision', { opportunityId, outcome: 'technical_win' });
const win = cmd('WinOpportunity', { opportunityId, amount: { amount: '4800000', currency: 'CNY' } });
const lose = cmd('LoseOpportunity', {
  opportunityId,
  reason: 'competitor',
  competitor: 'Rival Ltd',
  productGapIds: ['G-1'],
});
const qualifyOut = cmd('QualifyOutOpportunity', { opportunityId, reason: 'no budget this year' });

describe('RegisterOpportunity', () => {
  it('registers an opportunity at stage lead', () => {
    spec.given([]).when(register).then([registered]);
    expect(foldEvents(opportunityDecider, [registered])).toMatchObject({ status: 'open', stage: 'lead' });
  });

  it('registers once', () => {
    spec
      .given([registered])
      .when(register)
      .thenThrows(IllegalStateError, 'opportunity O-1: OpportunityRegistered already recorded for this opportunity');
  });

  it('validates money and product lines', () => {
    const bad = cmd('RegisterOpportunity', {
      ...registration,
      estimatedValue: { amount: '1e6', currency: 'RMB' },
      productLines: [],
    });
    const error = spec.given([]).when(bad).thenThrows(ValidationError);
    expect(error.issues.map((issue) => `${issue.path}: ${issue.rule}`).sort()).toEqual([
      'estimatedValue.amount: must be a decimal number such as "12.5" with at most 6 decimals (a string, not a JSON number)',
      'estimatedValue.currency: must be an ISO 4217 currency code in circulation, such as CNY, USD or EUR',
      'productLines: must list at least one',
    ]);
  });
});

describe('ChangeOpportunityStage', () => {
  it('records the change from the current stage', () => {
    spec.given([registered]).when(changeStage('discovery')).then([toDiscovery]);
    spec
      .given([registered, toDiscovery])
      .when(changeStage('lead'))
      .then([{ type: 'OpportunityStageChanged', data: { from: 'discovery', to: 'lead' } }]);
  });

  it('rejects a change to the current stage', () => {
    spec
      .given([registered])
      .when(changeStage('lead'))
      .thenThrows(IllegalStateError, 'opportunity O-1: stage change to the current stage lead');
  });

  it('needs the opportunity first', () => {
    spec
      .given([])
      .when(changeStage('discovery'))
      .thenThrows(
        NotFoundError,
        'opportunity O-1: not found (OpportunityStageChanged needs OpportunityRegistered first)',
      );
  });

  it('on import, must start from the current stage', () => {
    const state = foldEvents(opportunityDecider, [registered]);
    const wrongFrom: OpportunityEvent = { type: 'OpportunityStageChanged', data: { from: 'solution', to: 'bid' } };
    expect(() => applyChecked(opportunityDecider, state, wrongFrom, opportunityId)).toThrow(
      'opportunity O-1: OpportunityStageChanged from solution, but the opportunity is at lead',
    );
  });
});

describe('presales support requests', () => {
  it('records a request and its acknowledgement', () => {
    spec.given([registered]).when(requestSupport).then([requested]);
    spec.given([registered, requested]).when(acknowledge).then([acknowledged]);
  });

  it('rejects acknowledging an unknown request', () => {
    spec
      .given([registered])
      .when(acknowledge)
      .thenThrows(
        NotFoundError,
        'opportunity O-1 support request R-1: not found (PresalesSupportAcknowledged needs PresalesSupportRequested first)',
      );
  });

  it('rejects a repeated request id and a second acknowledgement', () => {
    spec
      .given([registered, requested])
      .when(requestSupport)
      .thenThrows(IllegalStateError, 'opportunity O-1: support request R-1 already recorded');
    spec
      .given([registered, requested, acknowledged])
      .when(acknowledge)
      .thenThrows(IllegalStateError, 'opportunity O-1: support request R-1 already acknowledged by C-1');
  });
});

describe('requirements', () => {
  it('captures a requirement and assesses its fit, again when it changes', () => {
    spec.given([registered]).when(capture).then([captured]);
    spec.given([registered, captured]).when(assess).then([assessed]);
    spec.given([registered, captured, assessed]).when(assess).then([assessed]);
  });

  it('rejects assessing an unknown requirement', () => {
    spec
      .given([registered])
      .when(assess)
      .thenThrows(
        NotFoundError,
        'opportunity O-1 requirement REQ-1: not found (RequirementFitAssessed needs RequirementCaptured first)',
      );
  });

  it('rejects a repeated requirement id', () => {
    spec
      .given([registered, captured])
      .when(capture)
      .thenThrows(IllegalStateError, 'opportunity O-1: requirement REQ-1 already captured');
  });

  it('links a product gap only to a gap fit', () => {
    const bad = cmd('AssessRequirementFit', {
      opportunityId,
      requirementId: 'REQ-1',
      fit: 'standard',
      productLine: 'erp',
      gapId: 'G-1',
    });
    spec
      .given([registered, captured])
      .when(bad)
      .thenThrows(ValidationError, 'AssessRequirementFit: gapId = "G-1": only with fit gap');
  });

  it('takes effort in days with at most two decimals', () => {
    const bad = cmd('AssessRequirementFit', {
      opportunityId,
      requirementId: 'REQ-1',
      fit: 'custom',
      productLine: 'erp',
      effortDays: 1.234,
    });
    spec
      .given([registered, captured])
      .when(bad)
      .thenThrows(ValidationError, 'AssessRequirementFit: effortDays = 1.234: must have at most 2 decimals');
  });
});

describe('RecordTechnicalDecision', () => {
  it('records the technical outcome once', () => {
    spec.given([registered]).when(recordTechnicalWin).then([technicalWin]);
    spec
      .given([registered, technicalWin])
      .when(recordTechnicalWin)
      .thenThrows(IllegalStateError, 'opportunity O-1: technical decision already recorded: technical_win');
  });
});

describe('closing', () => {
  it('records won, lost and qualified out', () => {
    spec.given([registered, technicalWin]).when(win).then([won]);
    spec.given([registered, captured, assessed]).when(lose).then([lost]);
    spec.given([registered]).when(qualifyOut).then([qualifiedOut]);
  });

  it('accepts nothing once closed', () => {
    spec
      .given([registered, won])
      .when(capture)
      .thenThrows(
        IllegalStateError,
        'opportunity O-1: RequirementCaptured after the opportunity was won: a closed opportunity accepts nothing',
      );
    spec
      .given([registered, lost])
      .when(win)
      .thenThrows(
        IllegalStateError,
        'opportunity O-1: OpportunityWon after the opportunity was lost: a closed opportunity accepts nothing',
      );
    spec
      .given([registered, qualifiedOut])
      .when(changeStage('solution'))
      .thenThrows(IllegalStateError, /after the opportunity was qualified out/);
    spec
      .given([registered, won])
      .when(qualifyOut)
      .thenThrows(IllegalStateError, /OpportunityQualifiedOut after the opportunity was won/);
  });

  it('names the competitor when lost to one', () => {
    const bad = cmd('LoseOpportunity', { opportunityId, reason: 'competitor', productGapIds: [] });
    spec
      .given([registered])
      .when(bad)
      .thenThrows(ValidationError, 'LoseOpportunity: competitor = missing: is required when the reason is competitor');
  });

  it('remembers the outcome and the stage it closed in', () => {
    expect(foldEvents(opportunityDecider, [registered, toDiscovery, won])).toMatchObject({
      status: 'won',
      stage: 'discovery',
      amount: { amount: '4800000' },
    });
    expect(foldEvents(opportunityDecider, [registered, lost])).toMatchObject({ status: 'lost', reason: 'competitor' });
    expect(foldEvents(opportunityDecider, [registered, qualifiedOut]).status).toBe('qualified_out');
  });
});

describe('imported opportunity events', () => {
  it('must name the stream they are imported into', () => {
    expect(() => applyChecked(opportunityDecider, opportunityDecider.initialState, registered, 'O-2')).toThrow(
      'opportunity O-2: OpportunityRegistered names "O-1", not this stream\'s id',
    );
  });

  it('must be valid payloads: a stage change names two different stages', () => {
    expect(() => parseDomainEvent('OpportunityStageChanged', { from: 'lead', to: 'lead' }, 'line 3')).toThrow(
      'line 3 OpportunityStageChanged: to = "lead": must differ from `from`',
    );
  });

  it('stage changes on import must not repeat the stage either', () => {
    const schemaRule = { type: 'OpportunityStageChanged', data: { from: 'lead', to: 'lead' } } as const;
    expect(() =>
      applyChecked(opportunityDecider, foldEvents(opportunityDecider, [registered]), schemaRule, opportunityId),
    ).toThrow('opportunity O-1: stage change to the current stage lead');
  });
});
