import { parseStreamEvent } from '@presales/domain';
import { applyChecked } from '@presales/domain/testing';
import { describe, expect, it } from 'vitest';
import { disputeScript } from './dispute-scenario.js';

describe('the dispute scenario', () => {
  it('is valid domain history: every event parses and keeps its aggregate’s invariants in order', () => {
    const states = new Map<string, unknown>();
    const script = disputeScript({
      key: 'k',
      reviseQuoteAfterSubmission: true,
      submissionRecordedAt: '2026-03-15T12:01:00.000Z',
      submissionOccurredAt: '2026-03-15T11:59:00Z',
    });
    for (const step of script) {
      for (const event of step.events) {
        const parsed = parseStreamEvent(
          step.streamId,
          event.type,
          event.data,
          step.streamId,
          event.metadata.schemaVersion,
        );
        const state = states.get(step.streamId) ?? parsed.aggregate.decider.initialState;
        states.set(
          step.streamId,
          applyChecked(parsed.aggregate.decider, state, parsed.event as never, parsed.id, event.metadata.occurredAt),
        );
      }
    }
    expect(states.size).toBe(9);
    expect(script.map((step) => step.recordedAt)).toEqual([...script.map((step) => step.recordedAt)].sort());
  });
});
