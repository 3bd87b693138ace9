import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { CorrectiveActionCommand } from './action.commands.js';
import { correctiveActionDecider } from './action.decider.js';
import type { CorrectiveActionEvent } from './action.events.js';

const spec = deciderSpecification(correctiveActionDecider);
const cmd = commandOf<CorrectiveActionCommand, CorrectiveActionCommand['type']>;
const actionId = 'CA-1';

const raising = {
  actionId,
  kpiId: 'on_time_submission_rate',
  period: '2026-Q1',
  scope: { kind: 'team', id: 'TEAM-E' },
  rootCause: 'legal review booked too late',
  action: 'book legal review at bid decision',
  ownerId: 'M-1',
  dueAt: '2026-04-30T00:00:00Z',
} as const;
const raised: CorrectiveActionEvent = { type: 'CorrectiveActionRaised', data: raising };
const completed: CorrectiveActionEvent = {
  type: 'CorrectiveActionCompleted',
  data: { actionId, result: 'review slot reserved in template' },
};
const verified: CorrectiveActionEvent = {
  type: 'CorrectiveActionVerified',
  data: { actionId, effective: true, measuredDelta: '0.12' },
};
const complete = cmd('CompleteCorrectiveAction', { actionId, result: 'review slot reserved in template' });
const verify = cmd('VerifyCorrectiveAction', { actionId, effective: true, measuredDelta: '0.12' });

describe('RaiseCorrectiveAction', () => {
  it('raises an action once', () => {
    spec.given([]).when(cmd('RaiseCorrectiveAction', raising)).then([raised]);
    spec
      .given([raised])
      .when(cmd('RaiseCorrectiveAction', raising))
      .thenThrows(
        IllegalStateError,
        'corrective action CA-1: CorrectiveActionRaised already recorded for this corrective action',
      );
  });

  it('names a KPI, a period and a scope', () => {
    const bad = cmd('RaiseCorrectiveAction', { ...raising, period: 'Q1', scope: { kind: 'team' } });
    const error = spec.given([]).when(bad).thenThrows(ValidationError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['period', 'scope.id']);
  });
});

describe('CompleteCorrectiveAction', () => {
  it('completes a raised action once', () => {
    spec.given([raised]).when(complete).then([completed]);
    spec
      .given([raised, completed])
      .when(complete)
      .thenThrows(
        IllegalStateError,
        'corrective action CA-1: CorrectiveActionCompleted again: the action is already completed',
      );
    spec
      .given([raised, completed, verified])
      .when(complete)
      .thenThrows(IllegalStateError, /already verified/);
  });

  it('needs the action first', () => {
    spec
      .given([])
      .when(complete)
      .thenThrows(
        NotFoundError,
        'corrective action CA-1: not found (CorrectiveActionCompleted needs CorrectiveActionRaised first)',
      );
  });
});

describe('VerifyCorrectiveAction', () => {
  it('verifies a completed action once, with a signed delta', () => {
    spec.given([raised, completed]).when(verify).then([verified]);
    spec
      .given([raised, completed])
      .when(cmd('VerifyCorrectiveAction', { actionId, effective: false, measuredDelta: '-0.03' }))
      .then([{ type: 'CorrectiveActionVerified', data: { actionId, effective: false, measuredDelta: '-0.03' } }]);
    spec
      .given([raised, completed, verified])
      .when(verify)
      .thenThrows(
        IllegalStateError,
        'corrective action CA-1: CorrectiveActionVerified again: the action is already verified',
      );
    expect(foldEvents(correctiveActionDecider, [raised, completed, verified])).toMatchObject({
      status: 'verified',
      effective: true,
    });
  });

  it('verifies only after completion', () => {
    spec
      .given([raised])
      .when(verify)
      .thenThrows(
        IllegalStateError,
        'corrective action CA-1: CorrectiveActionVerified before CorrectiveActionCompleted',
      );
  });

  it('on import, each event must name the action of its stream', () => {
    const elsewhere: CorrectiveActionEvent = {
      type: 'CorrectiveActionCompleted',
      data: { actionId: 'CA-2', result: 'x' },
    };
    expect(() =>
      applyChecked(correctiveActionDecider, foldEvents(correctiveActionDecider, [raised]), elsewhere, actionId),
    ).toThrow('corrective action CA-1: CorrectiveActionCompleted names "CA-2", not this stream\'s id');
  });
});
