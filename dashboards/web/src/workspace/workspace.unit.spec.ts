import { describe, expect, it } from 'vitest';
import { customerExchangeParts, newChainKey, sendParts, type ChainPart, type ExchangeInput } from './customer-exchange';
import { stateChanges } from './record-diff';
import { tenderResponseParts } from './tender-response';

const exchange: ExchangeInput = {
  opportunityId: 'opp-1',
  productLine: 'erp',
  supportRequestId: 'sr-1',
  activityId: 'act-demo',
  actualHours: '2.5',
  outcome: 'positive',
  satisfaction: '5',
  usedAssetIds: [],
  requirements: [
    { title: 'Single sign-on', category: 'non_functional', priority: 'must', source: 'meeting', fit: 'standard' },
    { title: 'Chinese invoices', category: 'compliance', priority: 'should', source: 'meeting', fit: 'configurable' },
  ],
  timeHours: '3',
  timeCategory: 'customer_facing',
  date: '2026-03-02',
  nextKind: 'workshop',
  nextWhen: '2026-03-09T01:00:00.000Z',
  nextHours: '4',
  occurredAt: '',
};

describe('log a customer exchange', () => {
  it('is the eight commands it replaces, in the order the domain needs, each with its own key from one chain key', () => {
    const { parts, problems } = customerExchangeParts(exchange, 'ana', 'k1');
    expect(problems).toEqual({});
    expect(parts.map((p) => [p.key, p.command])).toEqual([
      ['k1.ack', 'AcknowledgePresalesSupport'],
      ['k1.complete', 'CompleteActivity'],
      ['k1.req1.capture', 'CaptureRequirement'],
      ['k1.req1.assess', 'AssessRequirementFit'],
      ['k1.req2.capture', 'CaptureRequirement'],
      ['k1.req2.assess', 'AssessRequirementFit'],
      ['k1.time', 'LogTime'],
      ['k1.next', 'ScheduleActivity'],
    ]);
    expect(parts[1]!.payload).toEqual({
      activityId: 'act-demo',
      actualHours: 2.5,
      outcome: 'positive',
      customerSatisfaction: 5,
      usedAssetIds: [],
    });
    expect(parts[3]!.payload).toEqual({
      opportunityId: 'opp-1',
      requirementId: 'req-k1-1',
      fit: 'standard',
      productLine: 'erp',
    });
    expect(parts[6]!.payload).toMatchObject({
      consultantId: 'ana',
      entryId: 'time-k1',
      hours: 3,
      activityId: 'act-demo',
    });
    // The same form sent again names the same records.
    expect(customerExchangeParts(exchange, 'ana', 'k1').parts).toEqual(parts);
  });

  it('says which fields are missing or wrong', () => {
    const { problems } = customerExchangeParts(
      {
        ...exchange,
        opportunityId: '',
        actualHours: '2.555',
        requirements: [{ ...exchange.requirements[0]!, title: ' ', fit: '' }],
        timeHours: '30',
        nextHours: '',
      },
      'ana',
      'k1',
    );
    expect(problems).toEqual({
      opportunityId: 'required',
      actualHours: 'quantity',
      'requirements.0.title': 'required',
      'requirements.0.fit': 'required',
      timeHours: 'range',
      nextHours: 'required',
    });
  });

  it('stops at the first failure, and a second send skips what was recorded', async () => {
    const { parts } = customerExchangeParts(exchange, 'ana', 'k1');
    const sent: string[] = [];
    const failing = async (part: ChainPart) => {
      sent.push(part.key);
      if (part.name === 'time') throw new Error('network');
    };
    const first = await sendParts(parts, failing);
    expect([...first.values()].map((o) => o.status)).toEqual([
      'recorded',
      'recorded',
      'recorded',
      'recorded',
      'recorded',
      'recorded',
      'failed',
      'pending',
    ]);
    sent.length = 0;
    const second = await sendParts(parts, async (part) => void sent.push(part.key), first);
    expect(sent).toEqual(['k1.time', 'k1.next']);
    expect([...second.values()].every((o) => o.status === 'recorded')).toBe(true);
  });

  it('records every part at the time the exchange happened when it is given, and as now (no occurredAt) when not', () => {
    const now = customerExchangeParts(exchange, 'ana', 'k1').parts;
    expect(now.every((part) => !('occurredAt' in part.payload))).toBe(true);
    const { parts, problems } = customerExchangeParts(
      { ...exchange, occurredAt: '2026-08-03T09:30:00.000Z' },
      'ana',
      'k1',
    );
    expect(problems).toEqual({});
    expect(parts.map((part) => part.payload['occurredAt'])).toEqual(Array(8).fill('2026-08-03T09:30:00.000Z'));
    // Back-dating changes when, not what: the same records and keys as the form sent now.
    expect(parts.map((part) => part.key)).toEqual(now.map((part) => part.key));
  });

  it('makes chain keys that are valid ids and Idempotency-Keys', () => {
    expect(newChainKey()).toMatch(/^[a-z2-9]{10}$/);
  });
});

describe('a conflict explained', () => {
  it('lists what changed between the revision read and the current one', () => {
    const before = { stage: 'discovery', requirements: { r1: { title: 'SSO' } }, owner: 'bo' };
    const after = { stage: 'solution', requirements: { r1: { title: 'SSO' }, r2: { title: 'Invoices' } }, owner: 'bo' };
    expect(stateChanges(before, after)).toEqual([
      { path: 'requirements.r2.title', before: '', after: 'Invoices' },
      { path: 'stage', before: 'discovery', after: 'solution' },
    ]);
  });
});

describe('respond to a tender', () => {
  const response = {
    tenderId: 'T-1',
    decision: 'bid',
    rationale: 'We fit',
    score: '72',
    sections: [
      { title: 'Architecture', assigneeId: 'ana', dueAt: '2026-03-05T09:00:00.000Z' },
      { title: 'Security', assigneeId: 'bo', dueAt: '2026-03-06T09:00:00.000Z' },
    ],
    occurredAt: '',
  };
  it('is the bid decision and each section assigned, keyed from one chain key', () => {
    const { parts, problems } = tenderResponseParts(response, 'k2');
    expect(problems).toEqual({});
    expect(parts.map((p) => [p.key, p.command])).toEqual([
      ['k2.decision', 'MakeBidDecision'],
      ['k2.section1', 'AssignResponseSection'],
      ['k2.section2', 'AssignResponseSection'],
    ]);
    expect(parts[0]!.payload).toEqual({ tenderId: 'T-1', decision: 'bid', rationale: 'We fit', score: 72 });
    expect(parts[2]!.payload).toEqual({
      tenderId: 'T-1',
      sectionId: 'sec-k2-2',
      title: 'Security',
      assigneeId: 'bo',
      dueAt: '2026-03-06T09:00:00.000Z',
    });
  });
  it('records the decision and the sections at the time given, when one is', () => {
    const { parts } = tenderResponseParts({ ...response, occurredAt: '2026-08-04T10:00:00.000Z' }, 'k2');
    expect(parts.map((part) => part.payload['occurredAt'])).toEqual(Array(3).fill('2026-08-04T10:00:00.000Z'));
  });
  it('assigns no section when not bidding, and names what is missing', () => {
    expect(tenderResponseParts({ ...response, decision: 'no_bid' }, 'k2').parts).toHaveLength(1);
    expect(
      tenderResponseParts({ ...response, score: '101', sections: [{ title: '', assigneeId: '', dueAt: '' }] }, 'k2')
        .problems,
    ).toEqual({
      score: 'range',
      'sections.0.title': 'required',
      'sections.0.assigneeId': 'required',
      'sections.0.dueAt': 'required',
    });
  });
});
