import { aggregateFor, parseDomainEvent, parseStreamName } from '@presales/domain';
import { applyChecked } from '@presales/domain/testing';
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.js';
import { EVENTS_PER_TEAM, SCALE_EVENTS, parseScale } from './scale.js';
import { demoEventLine } from './world/demo-event.js';

const small = [...generateDemo({ seed: 7, scale: 'small' })];

describe('generateDemo', () => {
  it('gives byte-identical output for the same seed, and different output for another seed', () => {
    const again = [...generateDemo({ seed: 7, scale: 'small' })].map(demoEventLine).join('\n');
    expect(again).toBe(small.map(demoEventLine).join('\n'));
    const other = [...generateDemo({ seed: 8, scale: 'small' })].map(demoEventLine).join('\n');
    expect(other).not.toBe(again);
  });

  it('lands near 20,000 events at scale small', () => {
    expect(small.length).toBeGreaterThan(SCALE_EVENTS.small * 0.75);
    expect(small.length).toBeLessThan(SCALE_EVENTS.small * 1.25);
  });

  it('spans at least 24 months, in business-time order', () => {
    const times = small.map((event) => Date.parse(event.metadata.occurredAt));
    const spanMonths = (times[times.length - 1]! - times[0]!) / (30.44 * 24 * 3600 * 1000);
    expect(spanMonths).toBeGreaterThanOrEqual(24);
    expect(times.every((time, i) => i === 0 || time >= times[i - 1]!)).toBe(true);
  });

  it('produces only events that parse and satisfy every invariant of their aggregate, replayed from scratch', () => {
    const states = new Map<string, unknown>();
    const ids = new Set<string>();
    for (const generated of small) {
      expect(ids.has(generated.id)).toBe(false);
      ids.add(generated.id);
      expect(generated.metadata.demo).toBe(true);
      const name = parseStreamName(generated.stream)!;
      const aggregate = aggregateFor(name.category);
      const event = parseDomainEvent(
        generated.type,
        generated.data,
        generated.stream,
        generated.metadata.schemaVersion,
      );
      const state = states.has(generated.stream) ? states.get(generated.stream) : aggregate.decider.initialState;
      states.set(
        generated.stream,
        applyChecked(aggregate.decider, state, event as never, name.id, generated.metadata.occurredAt),
      );
    }
  });

  it('covers every kind of presales fact the issue asks for', () => {
    const types = new Set(small.map((event) => event.type));
    for (const type of [
      'TeamFormed',
      'ConsultantOnboarded',
      'OpportunityStageChanged',
      'TenderReceived',
      'BidDecisionMade',
      'ResponseSectionDrafted',
      'ReviewHeld',
      'BidSubmitted',
      'QuoteRevised',
      'QuoteApproved',
      'ActivityCompleted',
      'TimeLogged',
      'WarRoomOpened',
      'ProductGapIdentified',
      'KnowledgeAssetPublished',
      'KpiTargetSet',
      'CorrectiveActionRaised',
      'ProcessStandardPublished',
    ]) {
      expect(types, type).toContain(type);
    }
    const noBids = small.filter((event) => event.type === 'BidDecisionMade' && event.data['decision'] === 'no_bid');
    expect(noBids.length).toBeGreaterThan(0);
    const pocs = small.filter(
      (event) => event.type === 'ActivityCompleted' && event.data['pocCriteriaTotal'] !== undefined,
    );
    expect(pocs.length).toBeGreaterThan(0);
  });

  it('submits a few bids late, not most', () => {
    const deadlines = new Map<string, string>();
    let late = 0;
    let submitted = 0;
    for (const event of small) {
      if (event.type === 'TenderReceived') deadlines.set(event.stream, event.data['deadline'] as string);
      if (event.type === 'BidSubmitted') {
        submitted += 1;
        if (event.metadata.occurredAt > deadlines.get(event.stream)!) late += 1;
      }
    }
    expect(late).toBeGreaterThan(0);
    expect(late / submitted).toBeLessThan(0.25);
  });

  it('lets the improving team (the first) pass more reviews first time in its second year than in its first', () => {
    const teamOfOpportunity = new Map<string, string>();
    const teamOfTender = new Map<string, string>();
    const firstOutcome = new Map<string, { year: string; approved: boolean }>();
    for (const event of small) {
      if (event.type === 'OpportunityRegistered')
        teamOfOpportunity.set(
          event.data['opportunityId'] as string,
          (event.data['salesOwnerId'] as string).split('-')[1]!,
        );
      if (event.type === 'TenderReceived')
        teamOfTender.set(event.stream, teamOfOpportunity.get(event.data['opportunityId'] as string)!);
      if (event.type === 'ReviewHeld' && !firstOutcome.has(event.stream))
        firstOutcome.set(event.stream, {
          year: event.metadata.occurredAt.slice(0, 4),
          approved: event.data['outcome'] === 'approved',
        });
    }
    const rate = (year: string) => {
      const reviews = [...firstOutcome]
        .filter(([tender, review]) => teamOfTender.get(tender) === '000001' && review.year === year)
        .map(([, review]) => review);
      return reviews.filter((review) => review.approved).length / reviews.length;
    };
    expect(rate('2025')).toBeGreaterThan(rate('2024'));
  });

  it('does not release a lead who left the company in the hour after a deal closed (seed 11 at 60,000 events did)', () => {
    let events = 0;
    for (const event of generateDemo({ seed: 11, scale: 60_000 }))
      events += event.type === 'ConsultantReleased' ? 1 : 0;
    expect(events).toBeGreaterThan(0);
  });

  it('forms every team in the first two weeks however many there are (ten a day made 10M events 10% short)', () => {
    // One month of a 300-team organisation: the teams, not the whole history.
    const formed = [...generateDemo({ seed: 5, scale: 300 * EVENTS_PER_TEAM, months: 1 })].filter(
      (event) => event.type === 'TeamFormed',
    );
    expect(formed).toHaveLength(300);
    const last = Math.max(...formed.map((event) => Date.parse(event.metadata.occurredAt)));
    expect(last).toBeLessThan(Date.parse('2024-01-16T00:00:00Z'));
  });

  it('keeps EVENTS_PER_TEAM, which sizes the scales, within 25 % of what one team generates', () => {
    const perTeam = [...generateDemo({ seed: 3, scale: EVENTS_PER_TEAM })].length;
    expect(perTeam).toBeGreaterThan(EVENTS_PER_TEAM * 0.75);
    expect(perTeam).toBeLessThan(EVENTS_PER_TEAM * 1.25);
  });
});

describe('parseScale', () => {
  it('takes the names and a number of events, and refuses anything else naming the value', () => {
    expect(parseScale('medium')).toBe('medium');
    expect(parseScale('50000')).toBe(50_000);
    expect(() => parseScale('huge')).toThrow(/scale = "huge"/);
    expect(() => parseScale('10')).toThrow(/at least 1000/);
  });
});
