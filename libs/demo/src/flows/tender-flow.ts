import { createHash } from 'node:crypto';
import { DAY, HOUR, iso } from '../world/calendar.js';
import { COMPETITORS, SECTION_TITLES } from '../world/catalog.js';
import { concatenated } from '../world/list-view.js';
import { consultantActor, managerActor, salesActor, type Organisation } from '../world/org.js';
import type { World } from '../world/world.js';
import { closeDeal, toStage, type Deal } from './deal.js';
import { runQuote } from './quote-flow.js';

/** Deals above this value get a war room pulling consultants across teams. */
const WAR_ROOM_VALUE = 8_000_000;

/**
 * A tender: bid/no-bid, sections assigned and drafted (reusing assets), reviews (citing the bid
 * checklist once one is published), a submission (late now and then, more often in weak teams),
 * clarifications, the outcome. Big bids open a war room. The quote runs alongside.
 */
export function runTender(world: World, org: Organisation, deal: Deal, at: number): void {
  world.at(at, () => {
    if (deal.closed) return;
    const { prng } = world;
    const tenderId = `tnd-${deal.id.slice(4)}`;
    const deadline = at + prng.int(14, 35) * DAY;
    const kind =
      deal.projectType === 'strategic' ? 'tender' : prng.pick(['rfp', 'rfp', 'rfq', 'tender', 'rfi'] as const);
    world.issue(
      'tender',
      tenderId,
      {
        type: 'ReceiveTender',
        data: {
          tenderId,
          opportunityId: deal.id,
          kind,
          issuer: `${prng.pick(['Procurement', 'IT', 'Finance'])} department`,
          deadline: iso(deadline),
        },
      },
      at,
      salesActor(deal.salesId),
    );
    toStage(world, deal, 'bid', at);
    const decisionAt = at + prng.int(1, 4) * DAY;
    world.at(decisionAt, () => {
      const score = Math.round(Math.max(0, Math.min(100, 100 * deal.odds + prng.between(-15, 15))));
      const bid = score >= 35 || prng.chance(1 - deal.quality);
      world.issue(
        'tender',
        tenderId,
        {
          type: 'MakeBidDecision',
          data: {
            tenderId,
            decision: bid ? 'bid' : 'no_bid',
            rationale: bid ? 'fits our strengths; reachable margin' : 'low fit and an incumbent competitor',
            score,
          },
        },
        decisionAt,
        managerActor(deal.team.managerId),
      );
      if (!bid) {
        world.retire('tender', tenderId);
        closeDeal(world, deal, 'qualified_out', decisionAt + HOUR, 'no-bid on the tender');
        return;
      }
      const warRoomId =
        deal.value >= WAR_ROOM_VALUE ? openWarRoom(world, org, deal, tenderId, decisionAt + 2 * HOUR) : undefined;
      writeResponse(world, org, deal, tenderId, decisionAt + DAY, deadline, warRoomId);
    });
  });
}

function writeResponse(
  world: World,
  org: Organisation,
  deal: Deal,
  tenderId: string,
  from: number,
  deadline: number,
  warRoomId: string | undefined,
): void {
  const { prng } = world;
  const writers = [deal.lead, ...org.activeMembers(deal.team)].filter((member) => member.active);
  const sections = prng.sample(SECTION_TITLES, prng.int(3, 6));
  const span = Math.max(2 * DAY, deadline - from - 3 * DAY);
  sections.forEach((title, index) => {
    const sectionId = `sec-${index + 1}`;
    const assignee = prng.pick(writers);
    const assignedAt = from + index * HOUR;
    world.issue(
      'tender',
      tenderId,
      {
        type: 'AssignResponseSection',
        data: { tenderId, sectionId, title, assigneeId: assignee.id, dueAt: iso(from + span) },
      },
      assignedAt,
      consultantActor(deal.lead.id),
    );
    const draftedAt = from + Math.floor(prng.between(0.3, 0.9) * span);
    world.at(draftedAt, () => {
      const assets = concatenated(deal.productLines.map((line) => org.assets.get(line) ?? []));
      const reuse = assets.length > 0 && prng.chance(0.15 + 0.7 * deal.quality);
      world.issue(
        'tender',
        tenderId,
        {
          type: 'DraftResponseSection',
          data: { tenderId, sectionId, authorId: assignee.id, reusedAssetIds: reuse ? prng.sample(assets, 1) : [] },
        },
        draftedAt,
        consultantActor(assignee.id),
      );
    });
  });
  // Reviews after the drafts; the bid checklist is cited once published, by teams that follow it.
  const reviewAt = from + Math.floor(0.92 * span);
  world.at(reviewAt, () => {
    const stages = deal.quality > 0.5 ? (['solution', 'commercial', 'final'] as const) : (['final'] as const);
    let at = reviewAt;
    stages.forEach((stage, index) => {
      const checklist = org.standards.get('bid');
      const cite = checklist !== undefined && prng.chance(0.2 + 0.75 * deal.quality);
      const firstPass = prng.chance(0.35 + 0.55 * deal.quality);
      const outcome = firstPass ? 'approved' : prng.chance(0.8) ? 'rework' : 'rejected';
      const reviewers = [deal.team.managerId, ...(index === stages.length - 1 ? [] : [deal.lead.id])];
      world.issue(
        'tender',
        tenderId,
        {
          type: 'HoldReview',
          data: {
            tenderId,
            reviewId: `rev-${index + 1}`,
            stage,
            reviewerIds: reviewers,
            outcome,
            ...(cite ? { checklistVersion: checklist } : {}),
            ...(outcome === 'approved' ? {} : { findings: 'Pricing assumptions unclear; references missing' }),
          },
        },
        at,
        managerActor(deal.team.managerId),
      );
      at += 6 * HOUR;
      if (outcome !== 'approved') {
        world.issue(
          'tender',
          tenderId,
          {
            type: 'HoldReview',
            data: {
              tenderId,
              reviewId: `rev-${index + 1}b`,
              stage,
              reviewerIds: reviewers,
              outcome: 'approved',
              ...(cite ? { checklistVersion: checklist } : {}),
            },
          },
          at,
          managerActor(deal.team.managerId),
        );
        at += 6 * HOUR;
      }
    });
    const late = prng.chance(0.02 + 0.15 * (1 - deal.quality));
    const submitAt = late
      ? deadline + prng.int(1, 20) * HOUR
      : Math.min(deadline - HOUR, Math.max(at, deadline - prng.int(6, 60) * HOUR));
    world.at(submitAt, () => submit(world, org, deal, tenderId, submitAt, warRoomId));
  });
}

function submit(
  world: World,
  org: Organisation,
  deal: Deal,
  tenderId: string,
  at: number,
  warRoomId: string | undefined,
): void {
  const { prng } = world;
  const documentSha256 = createHash('sha256').update(`${tenderId}:${at}`).digest('hex');
  world.issue(
    'tender',
    tenderId,
    {
      type: 'SubmitBid',
      data: {
        tenderId,
        documentSha256,
        channel: prng.pick(['portal', 'portal', 'email', 'physical'] as const),
        receiptRef: `RCPT-${tenderId.slice(4)}`,
      },
    },
    at,
    consultantActor(deal.lead.id),
  );
  if (prng.chance(0.35)) {
    const askedAt = at + prng.int(2, 6) * DAY;
    world.at(askedAt, () => {
      world.issue(
        'tender',
        tenderId,
        {
          type: 'RequestBidClarification',
          data: {
            tenderId,
            questionId: 'q-1',
            question: 'Please confirm the data residency of the backup site.',
            dueAt: iso(askedAt + 3 * DAY),
          },
        },
        askedAt,
        salesActor(deal.salesId),
      );
      world.issue(
        'tender',
        tenderId,
        { type: 'AnswerBidClarification', data: { tenderId, questionId: 'q-1' } },
        askedAt + prng.int(4, 60) * HOUR,
        consultantActor(deal.lead.id),
      );
    });
  }
  runQuote(world, deal, at + 2 * HOUR, tenderId);
  const outcomeAt = at + prng.int(14, 40) * DAY;
  world.at(outcomeAt, () => {
    const cancelled = prng.chance(0.04);
    const awarded = !cancelled && prng.chance(Math.max(0.05, Math.min(0.9, deal.odds)));
    const amount = { amount: String(Math.round(deal.value * prng.between(0.85, 1.05))), currency: 'CNY' };
    world.issue(
      'tender',
      tenderId,
      {
        type: 'RecordBidOutcome',
        data: cancelled
          ? { tenderId, outcome: 'cancelled' }
          : awarded
            ? { tenderId, outcome: 'awarded', awardedAmount: amount }
            : { tenderId, outcome: 'not_awarded', awardedTo: prng.pick(COMPETITORS) },
      },
      outcomeAt,
      salesActor(deal.salesId),
    );
    world.retire('tender', tenderId);
    deal.odds = awarded ? 0.95 : 0.02;
    if (warRoomId !== undefined) {
      world.issue(
        'warroom',
        warRoomId,
        {
          type: 'CloseWarRoom',
          data: { warRoomId, outcome: cancelled ? 'tender cancelled' : awarded ? 'awarded' : 'not awarded' },
        },
        outcomeAt + HOUR,
        managerActor(deal.team.managerId),
      );
      world.retire('warroom', warRoomId, outcomeAt + HOUR);
    }
    if (cancelled) closeDeal(world, deal, 'qualified_out', outcomeAt + 2 * HOUR, 'the customer cancelled the tender');
  });
}

function openWarRoom(world: World, org: Organisation, deal: Deal, tenderId: string, at: number): string {
  const { prng } = world;
  const warRoomId = `war-${deal.id.slice(4)}`;
  // Specialists from other teams: wartime organisation cuts across the peacetime teams.
  const others = org.activeMembersOutside(deal.team);
  const memberIndices = prng.sampleIndices(others.length, Math.min(others.length, prng.int(2, 4)));
  const members = memberIndices.map((index) => others.at(index)!.id);
  world.issue(
    'warroom',
    warRoomId,
    {
      type: 'OpenWarRoom',
      data: {
        warRoomId,
        opportunityId: deal.id,
        tenderId,
        commanderId: deal.team.managerId,
        memberIds: [deal.lead.id, ...members],
        allocationPct: prng.pick([40, 50, 60]),
        reason: `strategic bid worth ${Math.round(deal.value / 1_000_000)}M CNY`,
      },
    },
    at,
    managerActor(deal.team.managerId),
  );
  // One more from the others not already in: drawn as from the others with the members filtered out.
  const joiners = prng.sampleIndices(others.length, 1, memberIndices).map((index) => others.at(index)!);
  for (const joiner of joiners) {
    const joinAt = at + prng.int(3, 8) * DAY;
    world.at(joinAt, () =>
      world.issue(
        'warroom',
        warRoomId,
        { type: 'JoinWarRoom', data: { warRoomId, consultantId: joiner.id } },
        joinAt,
        managerActor(deal.team.managerId),
      ),
    );
  }
  if (members.length > 1) {
    const leaverId = members[0]!;
    const leaveAt = at + prng.int(9, 13) * DAY;
    world.at(leaveAt, () =>
      world.issue(
        'warroom',
        warRoomId,
        { type: 'LeaveWarRoom', data: { warRoomId, consultantId: leaverId } },
        leaveAt,
        managerActor(deal.team.managerId),
      ),
    );
  }
  return warRoomId;
}
