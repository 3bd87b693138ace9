import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { ActivityCommand } from './activity.commands.js';
import { activityDecider } from './activity.decider.js';
import type { ActivityEvent } from './activity.events.js';

const spec = deciderSpecification(activityDecider);
const cmd = commandOf<ActivityCommand, ActivityCommand['type']>;
const activityId = 'ACT-1';

const schedule = (kind: 'demo' | 'poc') =>
  cmd('ScheduleActivity', {
    activityId,
    opportunityId: 'O-1',
    kind,
    consultantIds: ['C-1', 'C-2'],
    scheduledFor: '2026-02-12T02:00:00Z',
    plannedHours: 3.5,
  });
const scheduled = (kind: 'demo' | 'poc'): ActivityEvent => ({
  type: 'ActivityScheduled',
  data: {
    activityId,
    opportunityId: 'O-1',
    kind,
    consultantIds: ['C-1', 'C-2'],
    scheduledFor: '2026-02-12T02:00:00Z',
    plannedHours: 3.5,
  },
});
const demoDone = { actualHours: 4, outcome: 'positive', customerSatisfaction: 5, usedAssetIds: ['A-1'] } as const;
const pocDone = {
  actualHours: 80,
  outcome: 'positive',
  pocCriteriaMet: 9,
  pocCriteriaTotal: 10,
  usedAssetIds: [],
} as const;
const complete = (data: typeof demoDone | typeof pocDone) => cmd('CompleteActivity', { activityId, ...data });
const cancel = cmd('CancelActivity', { activityId, reason: 'customer postponed' });
const cancelled: ActivityEvent = { type: 'ActivityCancelled', data: { reason: 'customer postponed' } };

describe('ScheduleActivity', () => {
  it('schedules an activity', () => {
    spec
      .given([])
      .when(schedule('demo'))
      .then([scheduled('demo')]);
  });

  it('schedules once', () => {
    spec
      .given([scheduled('demo')])
      .when(schedule('demo'))
      .thenThrows(IllegalStateError, 'activity ACT-1: ActivityScheduled already recorded for this activity');
  });

  it('needs consultants and positive planned hours', () => {
    const bad = cmd('ScheduleActivity', {
      activityId,
      opportunityId: 'O-1',
      kind: 'demo',
      consultantIds: [],
      scheduledFor: '2026-02-12T02:00:00Z',
      plannedHours: 0,
    });
    const error = spec.given([]).when(bad).thenThrows(ValidationError);
    expect(error.message).toBe(
      'ScheduleActivity: consultantIds = []: must list at least one; plannedHours = 0: must be greater than 0',
    );
  });
});

describe('CompleteActivity', () => {
  it('completes a scheduled activity', () => {
    spec
      .given([scheduled('demo')])
      .when(complete(demoDone))
      .then([{ type: 'ActivityCompleted', data: demoDone }]);
    spec
      .given([scheduled('poc')])
      .when(complete(pocDone))
      .then([{ type: 'ActivityCompleted', data: pocDone }]);
  });

  it('needs the activity first', () => {
    spec
      .given([])
      .when(complete(demoDone))
      .thenThrows(NotFoundError, 'activity ACT-1: not found (ActivityCompleted needs ActivityScheduled first)');
  });

  it('completes once', () => {
    const done: ActivityEvent = { type: 'ActivityCompleted', data: demoDone };
    spec
      .given([scheduled('demo'), done])
      .when(complete(demoDone))
      .thenThrows(IllegalStateError, 'activity ACT-1: ActivityCompleted after the activity was completed');
  });

  it('records PoC criteria for a PoC, and only for a PoC', () => {
    spec
      .given([scheduled('poc')])
      .when(complete(demoDone))
      .thenThrows(IllegalStateError, 'activity ACT-1: a PoC is completed with pocCriteriaMet and pocCriteriaTotal');
    spec
      .given([scheduled('demo')])
      .when(complete(pocDone))
      .thenThrows(IllegalStateError, 'activity ACT-1: PoC criteria on a demo: only a poc has them');
  });

  it('keeps PoC criteria consistent', () => {
    spec
      .given([scheduled('poc')])
      .when(cmd('CompleteActivity', { activityId, ...pocDone, pocCriteriaMet: 11 }))
      .thenThrows(IllegalStateError, 'activity ACT-1: pocCriteriaMet 11 is more than pocCriteriaTotal 10');
    spec
      .given([scheduled('poc')])
      .when(
        cmd('CompleteActivity', {
          activityId,
          actualHours: 1,
          outcome: 'neutral',
          pocCriteriaMet: 1,
          usedAssetIds: [],
        }),
      )
      .thenThrows(
        ValidationError,
        'CompleteActivity: pocCriteriaTotal = missing: pocCriteriaMet and pocCriteriaTotal come together',
      );
    spec
      .given([scheduled('poc')])
      .when(
        cmd('CompleteActivity', {
          activityId,
          actualHours: 1,
          outcome: 'neutral',
          pocCriteriaTotal: 4,
          usedAssetIds: [],
        }),
      )
      .thenThrows(ValidationError, /pocCriteriaMet = missing: pocCriteriaMet and pocCriteriaTotal come together/);
  });

  it('rates customer satisfaction 1 to 5', () => {
    spec
      .given([scheduled('demo')])
      .when(complete({ ...demoDone, customerSatisfaction: 6 as 5 }))
      .thenThrows(ValidationError, 'CompleteActivity: customerSatisfaction = 6: must be from 1 to 5');
  });
});

describe('CancelActivity', () => {
  it('cancels a scheduled activity', () => {
    spec
      .given([scheduled('demo')])
      .when(cancel)
      .then([cancelled]);
  });

  it('cannot cancel twice or complete a cancelled activity', () => {
    spec
      .given([scheduled('demo'), cancelled])
      .when(cancel)
      .thenThrows(IllegalStateError, 'activity ACT-1: ActivityCancelled after the activity was cancelled');
    spec
      .given([scheduled('demo'), cancelled])
      .when(complete(demoDone))
      .thenThrows(IllegalStateError, 'activity ACT-1: ActivityCompleted after the activity was cancelled');
  });
});

describe('activity state', () => {
  it('follows the activity to its end', () => {
    expect(foldEvents(activityDecider, [scheduled('demo')]).status).toBe('scheduled');
    expect(
      foldEvents(activityDecider, [scheduled('demo'), { type: 'ActivityCompleted', data: demoDone }]),
    ).toMatchObject({ status: 'completed', actualHours: 4 });
    expect(foldEvents(activityDecider, [scheduled('demo'), cancelled]).status).toBe('cancelled');
  });

  it('holds imported events to the same rules', () => {
    expect(() => applyChecked(activityDecider, activityDecider.initialState, scheduled('demo'), 'ACT-2')).toThrow(
      'activity ACT-2: ActivityScheduled names "ACT-1", not this stream\'s id',
    );
  });
});
