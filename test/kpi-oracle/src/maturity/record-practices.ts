import type { ProcessArea } from '@presales/kpi';
import type { MaturityFacts } from './facts.js';
import { inWindow, type MaturityWindow } from './window.js';

/** One unit of work of a practice, and whether it satisfies it. */
export interface PracticeUnit {
  readonly id: string;
  readonly ok: boolean;
}

type RecordPractice = (facts: MaturityFacts, window: MaturityWindow) => PracticeUnit[];

/**
 * The practices of levels 2 and 3, each written from its meaning in docs/maturity.md and the
 * choices of decision 0023: a unit falls in the window by the event that starts it; what
 * satisfies it may come at any time recorded by asOf, unless the practice says "before" or "in
 * the window". Every event that starts a unit is a unit (a section assigned twice is two).
 */
const PRACTICES: Record<string, RecordPractice> = {
  'bid.decision_recorded': (facts, window) => {
    const decided = new Set(facts.of('BidDecisionMade').map((f) => f.entityId));
    return facts
      .of('TenderReceived')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: f.entityId, ok: decided.has(f.entityId) }));
  },
  'bid.reviewed_before_submission': (facts, window) =>
    facts
      .of('BidSubmitted')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((submission) => ({
        id: submission.entityId,
        ok: facts
          .of('ReviewHeld')
          .some((review) => review.entityId === submission.entityId && review.occurredMs < submission.occurredMs),
      })),
  'bid.reviews_cite_current_checklist': (facts, window) => {
    const standards = facts.of('ProcessStandardPublished').filter((f) => f.data.area === 'bid');
    return facts
      .of('ReviewHeld')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((review) => {
        // Current: the highest version published at or before the review (decision 0023).
        const published = standards.filter((s) => s.occurredMs <= review.occurredMs).map((s) => s.data.version);
        const current = published.length === 0 ? undefined : Math.max(...published);
        return {
          id: `${review.entityId}/${review.data.reviewId}`,
          ok: current !== undefined && review.data.checklistVersion === current,
        };
      });
  },
  'requirements.fit_assessed': (facts, window) => {
    const assessed = new Set(facts.of('RequirementFitAssessed').map((f) => `${f.entityId}/${f.data.requirementId}`));
    return facts
      .of('RequirementCaptured')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({
        id: `${f.entityId}/${f.data.requirementId}`,
        ok: assessed.has(`${f.entityId}/${f.data.requirementId}`),
      }));
  },
  'requirements.effort_estimated': (facts, window) =>
    facts
      .of('RequirementFitAssessed')
      .filter((f) => inWindow(window, f.occurredMs) && (f.data.fit === 'custom' || f.data.fit === 'gap'))
      .map((f) => ({ id: `${f.entityId}/${f.data.requirementId}`, ok: f.data.effortDays !== undefined })),
  'solution.technical_decision_recorded': (facts, window) => {
    const decided = new Set(facts.of('TechnicalDecisionRecorded').map((f) => f.entityId));
    return [...facts.of('OpportunityWon'), ...facts.of('OpportunityLost')]
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: f.entityId, ok: decided.has(f.entityId) }));
  },
  'solution.solution_review_before_submission': (facts, window) =>
    facts
      .of('BidSubmitted')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((submission) => ({
        id: submission.entityId,
        ok: facts
          .of('ReviewHeld')
          .some(
            (r) =>
              r.entityId === submission.entityId && r.data.stage === 'solution' && r.occurredMs < submission.occurredMs,
          ),
      })),
  'resourcing.time_logged': (facts, window) => {
    const logged = new Set(
      facts
        .of('TimeLogged')
        .filter((f) => inWindow(window, f.occurredMs))
        .map((f) => f.entityId),
    );
    return activeConsultants(facts, window).map((id) => ({ id, ok: logged.has(id) }));
  },
  'resourcing.time_attributed': (facts, window) =>
    facts
      .of('TimeLogged')
      .filter(
        (f) =>
          inWindow(window, f.occurredMs) && ['customer_facing', 'solution', 'bid_writing'].includes(f.data.category),
      )
      .map((f) => ({
        id: `${f.entityId}/${f.data.entryId}`,
        ok: f.data.opportunityId !== undefined || f.data.activityId !== undefined,
      })),
  'quotation.approval_requested': (facts, window) => {
    const requested = new Set(facts.of('QuoteApprovalRequested').map((f) => f.entityId));
    return facts
      .of('QuoteDrafted')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: f.entityId, ok: requested.has(f.entityId) }));
  },
  'quotation.approved_as_requested': (facts, window) => {
    const requested = new Set(facts.of('QuoteApprovalRequested').map((f) => `${f.entityId}#${f.data.revision}`));
    return facts
      .of('QuoteApproved')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: `${f.entityId}#${f.data.revision}`, ok: requested.has(`${f.entityId}#${f.data.revision}`) }));
  },
  'communication.activity_closed_out': (facts, window) => {
    const closed = new Set([...facts.of('ActivityCompleted'), ...facts.of('ActivityCancelled')].map((f) => f.entityId));
    return facts
      .of('ActivityScheduled')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: f.entityId, ok: closed.has(f.entityId) }));
  },
  'communication.activities_use_assets': (facts, window) =>
    facts
      .of('ActivityCompleted')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: f.entityId, ok: f.data.usedAssetIds.length > 0 })),
  'knowledge.sections_drafted': (facts, window) => {
    const drafted = new Set(facts.of('ResponseSectionDrafted').map((f) => `${f.entityId}/${f.data.sectionId}`));
    return facts
      .of('ResponseSectionAssigned')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: `${f.entityId}/${f.data.sectionId}`, ok: drafted.has(`${f.entityId}/${f.data.sectionId}`) }));
  },
  'knowledge.sections_reuse_assets': (facts, window) =>
    facts
      .of('ResponseSectionDrafted')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: `${f.entityId}/${f.data.sectionId}`, ok: f.data.reusedAssetIds.length > 0 })),
  'collaboration.requests_acknowledged': (facts, window) => {
    const acknowledged = new Set(
      facts.of('PresalesSupportAcknowledged').map((f) => `${f.entityId}/${f.data.requestId}`),
    );
    return facts
      .of('PresalesSupportRequested')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({
        id: `${f.entityId}/${f.data.requestId}`,
        ok: acknowledged.has(`${f.entityId}/${f.data.requestId}`),
      }));
  },
  'collaboration.acknowledged_before_due': (facts, window) =>
    facts
      .of('PresalesSupportAcknowledged')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((ack) => {
        const request = facts
          .of('PresalesSupportRequested')
          .find((r) => r.entityId === ack.entityId && r.data.requestId === ack.data.requestId);
        // An acknowledgement of no request recorded by asOf was due at no known time: it fails.
        return {
          id: `${ack.entityId}/${ack.data.requestId}`,
          ok: request !== undefined && ack.occurredMs <= Date.parse(request.data.dueAt),
        };
      }),
  'performance.wins_attributed': (facts, window) => {
    const assigned = new Set(facts.of('ConsultantAssigned').map((f) => f.data.opportunityId));
    return facts
      .of('OpportunityWon')
      .filter((f) => inWindow(window, f.occurredMs))
      .map((f) => ({ id: f.entityId, ok: assigned.has(f.entityId) }));
  },
  'performance.actions_completed': (facts, window) => {
    const completed = new Set(facts.of('CorrectiveActionCompleted').map((f) => f.entityId));
    return facts
      .of('CorrectiveActionRaised')
      .filter((f) => inWindow(window, Date.parse(f.data.dueAt)))
      .map((f) => ({ id: f.entityId, ok: completed.has(f.entityId) }));
  },
  'people.growth_goals_set': (facts, window) => {
    const withGoal = new Set(facts.of('GrowthGoalSet').map((f) => f.entityId));
    return activeConsultants(facts, window).map((id) => ({ id, ok: withGoal.has(id) }));
  },
  'people.skills_certified': (facts, window) => {
    const certified = new Set(facts.of('SkillCertified').map((f) => f.entityId));
    return facts
      .of('GrowthGoalSet')
      .filter((f) => inWindow(window, Date.parse(f.data.dueAt)))
      .map((f) => ({ id: `${f.entityId}/${f.data.goalId}`, ok: certified.has(f.entityId) }));
  },
};

/**
 * Consultants onboarded at some instant of the window: [onboarded, offboarded) meets [from, to)
 * (docs/kpis.md "onboarded": the offboarding instant is no longer onboarded).
 */
function activeConsultants(facts: MaturityFacts, window: MaturityWindow): string[] {
  const offboarded = new Map(facts.of('ConsultantOffboarded').map((f) => [f.entityId, f.occurredMs]));
  return facts
    .of('ConsultantOnboarded')
    .filter((f) => f.occurredMs < window.toMs && (offboarded.get(f.entityId) ?? Infinity) > window.fromMs)
    .map((f) => f.entityId);
}

/** Level 3's first condition: the area's standard was published before the window ends. */
function standardPublished(area: ProcessArea): RecordPractice {
  return (facts, window) => [
    {
      id: area,
      ok: facts.of('ProcessStandardPublished').some((f) => f.data.area === area && f.occurredMs < window.toMs),
    },
  ];
}

/** The units of a level-2 or level-3 practice, or undefined for a practice the oracle does not know. */
export function recordPracticeUnits(
  practiceId: string,
  facts: MaturityFacts,
  window: MaturityWindow,
): PracticeUnit[] | undefined {
  const [area, name] = practiceId.split('.') as [ProcessArea, string];
  if (name === 'standard_published') return standardPublished(area)(facts, window);
  return Object.hasOwn(PRACTICES, practiceId) ? PRACTICES[practiceId]!(facts, window) : undefined;
}

export const ORACLE_RECORD_PRACTICE_IDS: readonly string[] = Object.keys(PRACTICES);
